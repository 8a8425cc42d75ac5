// The next-auth session cookie, read and decrypted once per process: the proxy and the server guards
// both need it on every request, and decrypting it (HKDF + AES-GCM) is most of a light request's CPU.
// A decrypted token is kept, keyed by the cookie value itself, until its own expiry; whether the
// session inside is still open is the guard's to ask every time (actorDeSesion). The secret is the
// one authOptions reads, taken from the environment so the proxy does not load the sign-in code.
import { decode, type JWT } from "next-auth/jwt";

export const COOKIE_SEGURA = "__Secure-next-auth.session-token";
export const COOKIE_LOCAL = "next-auth.session-token";
const MAXIMO_EN_MEMORIA = 10_000;
const decodificados = new Map<string, { jwt: JWT; vence: number }>();

interface Cookie {
  name: string;
  value: string;
}

/** The session cookie's value; one split into chunks (.0, .1, …) is put back together. */
export function tokenDeCookies(almacen: { get(nombre: string): Cookie | undefined; getAll(): Cookie[] }): string | null {
  const entero = [COOKIE_SEGURA, COOKIE_LOCAL].map((n) => almacen.get(n)?.value).find(Boolean);
  if (entero) return entero;
  const trozos = almacen
    .getAll()
    .map((c) => ({ c, n: /next-auth\.session-token\.(\d+)$/.exec(c.name) }))
    .filter((t) => t.n)
    .sort((a, b) => Number(a.n![1]) - Number(b.n![1]));
  return trozos.length ? trozos.map((t) => t.c.value).join("") : null;
}

/** The token's claims, or null for a tampered, foreign or expired one. */
export async function decodificarToken(token: string): Promise<JWT | null> {
  const guardado = decodificados.get(token);
  if (guardado) {
    if (guardado.vence > Date.now()) return guardado.jwt;
    decodificados.delete(token);
    return null;
  }
  const jwt = await decode({ token, secret: process.env.NEXTAUTH_SECRET ?? "" }).catch(() => null);
  if (!jwt?.exp || Number(jwt.exp) * 1000 <= Date.now()) return null;
  if (decodificados.size >= MAXIMO_EN_MEMORIA) decodificados.clear();
  decodificados.set(token, { jwt, vence: Number(jwt.exp) * 1000 });
  return jwt;
}
