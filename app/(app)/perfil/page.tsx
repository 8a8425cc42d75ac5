// The signed-in person's profile: who they are, how the agency reaches them (clients: email always,
// SMS optionally) and their password. A manage-link session (one reservation) has no profile.
import Link from "next/link";
import { redirect } from "next/navigation";
import { FormularioNuevaContrasena } from "@/components/auth/FormularioNuevaContrasena";
import { FormularioContacto } from "@/components/perfil/FormularioContacto";
import { Card, CardHeader } from "@/components/ui/card";
import { Datum } from "@/components/ui/datum";
import { actorDePagina } from "@/lib/auth/pagina";
import { AYUDA_CONTRASENA } from "@/lib/cuenta/contrasena";
import { prisma } from "@/lib/db/client";
import { mostrarTelefono } from "@/lib/telefono";
import { cambiarMiContrasena, guardarMiContacto } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mi perfil" };

export default async function PerfilPage() {
  const actor = await actorDePagina(["CLIENTE", "OPERADOR", "ADMIN"], "/perfil");
  if (actor.reservaId != null) redirect("/login?callbackUrl=/perfil");
  const usuario = await prisma.usuario.findUniqueOrThrow({ where: { id: actor.id }, select: { nombre: true, apellido: true, email: true, telefono: true, smsActivo: true, passwordHash: true } });
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">Mi perfil</h1>
      <Card aria-labelledby="titulo-datos">
        <CardHeader title="Sus datos" titleId="titulo-datos" />
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <Datum label="Nombre">{usuario.nombre} {usuario.apellido}</Datum>
          <Datum label={actor.rol === "CLIENTE" ? "Correo (avisos por correo)" : "Correo"}><span className="break-all">{usuario.email}</span></Datum>
        </dl>
      </Card>
      {actor.rol === "CLIENTE" && (
        <Card aria-labelledby="titulo-sms">
          <CardHeader title="Avisos por SMS" titleId="titulo-sms" />
          {/* Keyed on the stored values: after saving, the form shows the number as stored (normalised). */}
          <FormularioContacto key={`${usuario.telefono}-${usuario.smsActivo}`} telefono={usuario.telefono && mostrarTelefono(usuario.telefono)} smsActivo={usuario.smsActivo} guardar={guardarMiContacto} />
        </Card>
      )}
      <Card aria-labelledby="titulo-contrasena">
        <CardHeader title="Contraseña" titleId="titulo-contrasena" />
        {usuario.passwordHash ? (
          <>
            <p className="mb-3 text-sm text-slate-700">Al cambiarla se cierran sus sesiones en otros navegadores y dispositivos; en este sigue conectado.</p>
            <FormularioNuevaContrasena accion={cambiarMiContrasena} ayuda={AYUDA_CONTRASENA} conActual boton="Cambiar contraseña" />
          </>
        ) : (
          <p className="text-sm text-slate-700">Su cuenta no tiene contraseña: ingresa con los enlaces de sus correos. Si quiere una, use <Link className="text-blue-800 underline" href="/recuperar">¿Olvidó su contraseña?</Link>.</p>
        )}
      </Card>
    </div>
  );
}
