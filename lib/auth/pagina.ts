// Pages call this first: the same server-side guard as the API, answered with navigation.
import { forbidden, redirect } from "next/navigation";
import type { Rol } from "@/lib/generated/prisma/enums";
import type { Actor } from "./credenciales";
import { actorActual } from "./sesion";

export async function actorDePagina(roles: readonly Rol[], ruta: string): Promise<Actor> {
  const actor = await actorActual();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(ruta)}`);
  if (!roles.includes(actor.rol)) forbidden();
  return actor;
}
