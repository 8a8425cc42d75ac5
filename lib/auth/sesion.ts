// Server-side role guard used by every route handler, server action and page.
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { prisma } from "@/lib/db/client";
import { noAutenticado, permisoDenegado } from "@/lib/errores";
import type { Rol } from "@/lib/generated/prisma/enums";
import type { Actor } from "./credenciales";
import { authOptions } from "./options";
import { actorDeSesion } from "./sesiones";
import { COOKIE_SEGURA, COOKIE_LOCAL, decodificarToken, tokenDeCookies } from "./token-sesion";

export async function actorActual(): Promise<Actor | null> {
  const token = tokenDeCookies(await cookies());
  const jwt = token ? await decodificarToken(token) : null;
  return typeof jwt?.sid === "string" ? actorDeSesion(prisma, jwt.sid) : null;
}

/**
 * Puts a session opened outside next-auth's sign-in (one-time links) into the browser: the same
 * cookie and JWT next-auth issues, so every guard and sign-out treat it alike.
 */
export async function entregarSesion(actor: Actor, sesion: { sid: string; venceAt: Date }) {
  const segura = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const maxAge = Math.max(1, Math.floor((sesion.venceAt.getTime() - Date.now()) / 1000));
  const jwt = await encode({
    secret: authOptions.secret ?? "",
    maxAge,
    token: { sub: String(actor.id), id: actor.id, email: actor.email, name: `${actor.nombre} ${actor.apellido}`, nombre: actor.nombre, apellido: actor.apellido, rol: actor.rol, sid: sesion.sid },
  });
  const almacen = await cookies();
  almacen.set(segura ? COOKIE_SEGURA : COOKIE_LOCAL, jwt, { httpOnly: true, sameSite: "lax", path: "/", secure: segura, maxAge });
}

/** The signed-in actor, or a 401/403 domain error. */
export async function requerirRol(roles: readonly Rol[]): Promise<Actor> {
  const actor = await actorActual();
  if (!actor) throw noAutenticado();
  if (!roles.includes(actor.rol)) throw permisoDenegado();
  return actor;
}
