"use server";
// The signed-in person's own account: SMS contact (clients) and password (everyone).
import type { EstadoFormulario } from "@/components/auth/FormularioNuevaContrasena";
import { cambiarContrasena } from "@/lib/cuenta/acceso";
import { confirmacionDistinta, estadoDeError, valor } from "@/lib/cuenta/formulario";
import { prisma } from "@/lib/db/client";
import { permisoDenegado } from "@/lib/errores";
import { accionProtegida } from "@/lib/http/accion";
import { abrirSesion } from "@/lib/auth/sesiones";
import { entregarSesion } from "@/lib/auth/sesion";
import { guardarContactoComo } from "@/lib/usuarios/acciones";

export const guardarMiContacto = async (formData: FormData) => guardarContactoComo(["CLIENTE"], "propio", formData);

/**
 * A new password ends every session of the person (a copied cookie of this one too); this browser
 * gets a fresh session, so the person stays signed in here.
 */
export async function cambiarMiContrasena(_previo: EstadoFormulario, datos: FormData): Promise<EstadoFormulario> {
  const distinta = confirmacionDistinta(datos);
  if (distinta) return distinta;
  const r = await accionProtegida(["CLIENTE", "OPERADOR", "ADMIN"], async (actor) => {
    if (actor.reservaId != null) throw permisoDenegado("Para cambiar la contraseña inicie sesión con su correo y contraseña.");
    await cambiarContrasena(prisma, actor, { actual: valor(datos, "actual"), nueva: valor(datos, "password") });
    await entregarSesion(actor, await abrirSesion(prisma, actor.id));
  });
  if (!r.ok) return estadoDeError(r, { nueva: "password" });
  return { ok: "Contraseña cambiada. Se cerraron todas sus otras sesiones; en este navegador sigue conectado." };
}
