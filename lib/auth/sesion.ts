// Server-side role guard used by every route handler, server action and page.
import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { noAutenticado, permisoDenegado } from "@/lib/errores";
import type { Rol } from "@/lib/generated/prisma/enums";
import type { Actor } from "./credenciales";
import { authOptions } from "./options";

const COOKIES_SESION = ["__Secure-next-auth.session-token", "next-auth.session-token"];
// Decrypting the session JWT (HKDF + AES-GCM) is most of a light request's CPU, and each request
// needs the actor once or twice: decoded tokens are kept per process, keyed by the cookie itself,
// until the token's own expiry. A different or tampered cookie is a different key and is decoded.
const decodificados = new Map<string, { actor: Actor; vence: number }>();
const MAXIMO_EN_MEMORIA = 10_000;

async function actorDelToken(token: string): Promise<Actor | null> {
  const guardado = decodificados.get(token);
  if (guardado && guardado.vence > Date.now()) return guardado.actor;
  const jwt = await decode({ token, secret: authOptions.secret ?? "" }).catch(() => null);
  if (!jwt?.id || !jwt.exp) return null;
  const actor: Actor = { id: jwt.id, email: jwt.email ?? "", nombre: jwt.nombre, apellido: jwt.apellido, rol: jwt.rol };
  if (decodificados.size >= MAXIMO_EN_MEMORIA) decodificados.clear();
  decodificados.set(token, { actor, vence: Number(jwt.exp) * 1000 });
  return actor;
}

export async function actorActual(): Promise<Actor | null> {
  const almacen = await cookies();
  const token = COOKIES_SESION.map((n) => almacen.get(n)?.value).find(Boolean);
  if (token) return actorDelToken(token);
  // A session split into chunks (.0, .1, …) is next-auth's to reassemble.
  if (!almacen.getAll().some((c) => /next-auth\.session-token\.\d+$/.test(c.name))) return null;
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
