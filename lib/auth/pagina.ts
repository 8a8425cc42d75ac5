// Pages call this first: the same server-side guard as the API, answered with navigation.
import { forbidden, notFound, redirect } from "next/navigation";
import { ErrorDominio } from "@/lib/errores";
import type { Rol } from "@/lib/generated/prisma/enums";
import type { Actor } from "./credenciales";
import { actorActual } from "./sesion";

export async function actorDePagina(roles: readonly Rol[], ruta: string): Promise<Actor> {
  const actor = await actorActual();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(ruta)}`);
  if (!roles.includes(actor.rol)) forbidden();
  return actor;
}

/** A page's lookup: the lib's 404 (missing, or someone else's) becomes the 404 page. */
export async function oPagina404<T>(busqueda: Promise<T>): Promise<T> {
  try {
    return await busqueda;
  } catch (error) {
    if (error instanceof ErrorDominio && error.status === 404) notFound();
    throw error;
  }
}
