// Server-side role guard used by every route handler, server action and page.
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { prisma } from "@/lib/db/client";
import { noAutenticado, permisoDenegado } from "@/lib/errores";
import type { Rol } from "@/lib/generated/prisma/enums";
import type { Actor } from "./credenciales";
import { authOptions } from "./options";
import { actorDeSesion } from "./sesiones";

const COOKIE_SEGURA = "__Secure-next-auth.session-token";
const COOKIE_LOCAL = "next-auth.session-token";
// Decrypting the session JWT (HKDF + AES-GCM) is most of a light request's CPU, and each request
// needs the actor once or twice: the session id inside is kept per process, keyed by the cookie
// itself, until the token's own expiry. Whether that session is still open is asked every time
// (actorDeSesion, cached until a NOTIFY ends it).
const decodificados = new Map<string, { sid: string | null; vence: number }>();
const MAXIMO_EN_MEMORIA = 10_000;

async function sidDelToken(token: string): Promise<string | null> {
  const guardado = decodificados.get(token);
  if (guardado && guardado.vence > Date.now()) return guardado.sid;
  const jwt = await decode({ token, secret: authOptions.secret ?? "" }).catch(() => null);
  if (!jwt?.exp) return null;
  const sid = typeof jwt.sid === "string" ? jwt.sid : null;
  if (decodificados.size >= MAXIMO_EN_MEMORIA) decodificados.clear();
  decodificados.set(token, { sid, vence: Number(jwt.exp) * 1000 });
  return sid;
}

/** The session cookie's value; one split into chunks (.0, .1, …) is put back together. */
async function tokenDeSesion(): Promise<string | null> {
  const almacen = await cookies();
  const entero = [COOKIE_SEGURA, COOKIE_LOCAL].map((n) => almacen.get(n)?.value).find(Boolean);
  if (entero) return entero;
  const trozos = almacen
    .getAll()
    .map((c) => ({ c, n: /next-auth\.session-token\.(\d+)$/.exec(c.name) }))
    .filter((t) => t.n)
    .sort((a, b) => Number(a.n![1]) - Number(b.n![1]));
  return trozos.length ? trozos.map((t) => t.c.value).join("") : null;
}

export async function actorActual(): Promise<Actor | null> {
  const token = await tokenDeSesion();
  const sid = token ? await sidDelToken(token) : null;
  return sid ? actorDeSesion(prisma, sid) : null;
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
