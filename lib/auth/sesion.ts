// Server-side role guard used by every route handler, server action and page.
import { getServerSession } from "next-auth";
import { noAutenticado, permisoDenegado } from "@/lib/errores";
import type { Rol } from "@/lib/generated/prisma/enums";
import type { Actor } from "./credenciales";
import { authOptions } from "./options";

export async function actorActual(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const { id, email, nombre, apellido, rol } = session.user;
  return { id, email, nombre, apellido, rol };
}

/** The signed-in actor, or a 401/403 domain error. */
export async function requerirRol(roles: readonly Rol[]): Promise<Actor> {
  const actor = await actorActual();
  if (!actor) throw noAutenticado();
  if (!roles.includes(actor.rol)) throw permisoDenegado();
  return actor;
}
