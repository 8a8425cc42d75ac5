// Invitation and recovery pages: the link is read (nothing changes on a GET), then the password form.
import { notFound } from "next/navigation";
import { AYUDA_CONTRASENA } from "@/lib/cuenta/contrasena";
import { verEnlace } from "@/lib/cuenta/enlaces";
import { prisma } from "@/lib/db/client";
import { establecerContrasenaAccion } from "@/app/recuperar/actions";
import { FormularioNuevaContrasena } from "./FormularioNuevaContrasena";
import { EnlaceRechazado, PaginaCuenta } from "./PaginaCuenta";

const TEXTOS = {
  INVITACION: { titulo: "Elija su contraseña", boton: "Guardar y continuar", pedir: { href: "/login", texto: "Ir a iniciar sesión" }, nuevo: "Pida a su administrador que le reenvíe la invitación." },
  RECUPERACION: { titulo: "Nueva contraseña", boton: "Guardar contraseña", pedir: { href: "/recuperar", texto: "Pedir un enlace nuevo" }, nuevo: "Pida un enlace nuevo." },
} as const;

export async function PaginaEnlaceContrasena({ token, proposito }: { token: string; proposito: "INVITACION" | "RECUPERACION" }) {
  const visto = await verEnlace(prisma, token, proposito);
  const t = TEXTOS[proposito];
  if (!visto.ok && visto.motivo === "DESCONOCIDO") notFound();
  if (!visto.ok)
    return <EnlaceRechazado titulo="Este enlace ya no funciona" detalle={`${visto.motivo === "USADO" ? "Este enlace ya se usó." : "Este enlace venció."} ${t.nuevo}`} accion={t.pedir} />;
  const { usuario } = visto.enlace;
  return (
    <PaginaCuenta titulo={t.titulo} subtitulo={<>Cuenta: <span className="break-all font-medium">{usuario.email}</span></>}>
      <FormularioNuevaContrasena accion={establecerContrasenaAccion.bind(null, proposito, token)} ayuda={AYUDA_CONTRASENA} boton={t.boton} />
    </PaginaCuenta>
  );
}
