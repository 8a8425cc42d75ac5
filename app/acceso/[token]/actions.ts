"use server";
import { redirect } from "next/navigation";
import { continuarConEnlaceGestion, entrarConEnlace } from "@/lib/cuenta/acceso";
import { entregarSesion } from "@/lib/auth/sesion";
import { INICIO_POR_ROL } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { accionPublica } from "@/lib/http/accion";

// The POST behind "Ingresar" / "Continuar": only here does a link open a session. A link that died
// between the page and the press goes back to its page, which says why.
export async function entrarConEnlaceAccion(token: string) {
  const r = await accionPublica(() => entrarConEnlace(prisma, token));
  if (!r.ok) redirect(`/acceso/${encodeURIComponent(token)}`);
  await entregarSesion(r.datos.actor, r.datos.sesion);
  redirect(INICIO_POR_ROL[r.datos.actor.rol]);
}

export async function continuarGestionAccion(token: string) {
  const r = await accionPublica(() => continuarConEnlaceGestion(prisma, token));
  if (!r.ok) redirect(`/gestionar/${encodeURIComponent(token)}`);
  await entregarSesion(r.datos.actor, r.datos.sesion);
  redirect(`/reservas/${r.datos.reservaId}`);
}
