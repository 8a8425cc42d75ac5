"use server";
// Admin forms on people: the same lib functions and zod schemas as /api/admin/usuarios.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { EstadoFormulario } from "@/components/auth/FormularioNuevaContrasena";
import { estadoDeError, valor } from "@/lib/cuenta/formulario";
import { prisma } from "@/lib/db/client";
import { accionProtegida, type ResultadoAccion } from "@/lib/http/accion";
import { actualizarUsuario, crearUsuario, reenviarInvitacion } from "@/lib/usuarios/gestion";

const CAMPOS = ["nombre", "apellido", "rol", "departamento", "telefono"] as const;
const datosDe = (datos: FormData) => Object.fromEntries(CAMPOS.filter((c) => datos.has(c)).map((c) => [c, valor(datos, c)]));

export async function crearUsuarioAccion(_previo: EstadoFormulario, datos: FormData): Promise<EstadoFormulario> {
  const r = await accionProtegida(["ADMIN"], (actor) => crearUsuario(prisma, actor, { ...datosDe(datos), email: valor(datos, "email") }));
  if (!r.ok) return estadoDeError(r);
  redirect(`/admin/usuarios/${r.datos.id}?creado=1`);
}

export async function editarUsuarioAccion(id: number, _previo: EstadoFormulario, datos: FormData): Promise<EstadoFormulario> {
  const r = await accionProtegida(["ADMIN"], (actor) => actualizarUsuario(prisma, actor, id, datosDe(datos)));
  if (!r.ok) return estadoDeError(r);
  revalidatePath(`/admin/usuarios/${id}`);
  return { ok: "Cambios guardados." };
}

export async function cambiarEstadoAccion(id: number, activo: boolean): Promise<ResultadoAccion<{ activo: boolean }>> {
  const r = await accionProtegida(["ADMIN"], async (actor) => ({ activo: (await actualizarUsuario(prisma, actor, id, { activo })).activo }));
  if (r.ok) revalidatePath(`/admin/usuarios/${id}`);
  return r;
}

export async function reenviarInvitacionAccion(id: number): Promise<ResultadoAccion<{ email: string }>> {
  const r = await accionProtegida(["ADMIN"], async (actor) => ({ email: (await reenviarInvitacion(prisma, actor, id)).email }));
  if (r.ok) revalidatePath(`/admin/usuarios/${id}`);
  return r;
}
