"use server";
// The signed-in person's own account: SMS contact (clients) and password (everyone).
import { redirect } from "next/navigation";
import type { EstadoFormulario } from "@/components/auth/FormularioNuevaContrasena";
import { cambiarContrasena } from "@/lib/cuenta/acceso";
import { confirmacionDistinta, estadoDeError, valor } from "@/lib/cuenta/formulario";
import { prisma } from "@/lib/db/client";
import { permisoDenegado } from "@/lib/errores";
import { accionProtegida } from "@/lib/http/accion";
import { guardarContactoComo } from "@/lib/usuarios/acciones";

export const guardarMiContacto = async (formData: FormData) => guardarContactoComo(["CLIENTE"], "propio", formData);

/** A new password ends every session, this one too: the person signs in again with it. */
export async function cambiarMiContrasena(_previo: EstadoFormulario, datos: FormData): Promise<EstadoFormulario> {
  const distinta = confirmacionDistinta(datos);
  if (distinta) return distinta;
  const r = await accionProtegida(["CLIENTE", "OPERADOR", "ADMIN"], async (actor) => {
    if (actor.reservaId != null) throw permisoDenegado("Para cambiar la contraseña inicie sesión con su correo y contraseña.");
    await cambiarContrasena(prisma, actor, { actual: valor(datos, "actual"), nueva: valor(datos, "password") });
    return actor.email;
  });
  if (!r.ok) return estadoDeError(r, { nueva: "password" });
  redirect(`/login?aviso=contrasena&email=${encodeURIComponent(r.datos)}`);
}
