"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { EstadoFormulario } from "@/components/auth/FormularioNuevaContrasena";
import { establecerConEnlace, pedirEnlace } from "@/lib/cuenta/acceso";
import { confirmacionDistinta, estadoDeError, valor } from "@/lib/cuenta/formulario";
import { prisma } from "@/lib/db/client";
import { accionPublica } from "@/lib/http/accion";

/** "¿Olvidó su contraseña?" and "Recibir un enlace de acceso": one answer whatever the address. */
export async function pedirEnlaceAccion(variante: "recuperacion" | "acceso", _previo: EstadoFormulario, datos: FormData): Promise<EstadoFormulario> {
  const encabezados = await headers();
  const r = await accionPublica(() => pedirEnlace(prisma, encabezados, { email: valor(datos, "email") }, variante));
  return r.ok ? { ok: r.datos.detail } : estadoDeError(r);
}

/** The new password through an invitation or recovery link; then to sign-in with a notice. */
export async function establecerContrasenaAccion(proposito: "INVITACION" | "RECUPERACION", token: string, _previo: EstadoFormulario, datos: FormData): Promise<EstadoFormulario> {
  const distinta = confirmacionDistinta(datos);
  if (distinta) return distinta;
  const r = await accionPublica(() => establecerConEnlace(prisma, { token, password: valor(datos, "password") }, proposito));
  if (!r.ok) return estadoDeError(r);
  redirect(`/login?aviso=contrasena&email=${encodeURIComponent(r.datos.email)}`);
}
