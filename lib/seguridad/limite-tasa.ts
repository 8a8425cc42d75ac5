// Rate limits with fixed-window counters in PostgreSQL, so several app instances count together.
// One statement per check: the upsert starts a new window when the old one is over, otherwise adds.
import type { Db } from "@/lib/db/client";
import { enteroDelEntorno } from "@/lib/entorno";
import { ErrorDominio } from "@/lib/errores";

export interface Limite {
  /** What is counted, e.g. "escritura:12" or "login-cuenta:ana@agencia.bo". */
  clave: string;
  maximo: number;
  ventanaS: number;
}

export interface Estado {
  conteo: number;
  /** Seconds until the window ends (at least 1). */
  reintentarEnS: number;
}

type Ejecutor = Pick<Db, "$queryRaw">;

const estado = (fila: { conteo: number; restante_ms: number } | undefined): Estado => ({
  conteo: fila?.conteo ?? 0,
  reintentarEnS: Math.max(1, Math.ceil((fila?.restante_ms ?? 0) / 1000)),
});

/** Counts one event against the limit and returns the window's count including it. */
export async function contar(db: Ejecutor, { clave, ventanaS }: Limite): Promise<Estado> {
  const [fila] = await db.$queryRaw<{ conteo: number; restante_ms: number }[]>`
    INSERT INTO limite_tasa AS l (clave, inicio, conteo) VALUES (${clave}, now(), 1)
    ON CONFLICT (clave) DO UPDATE SET
      inicio = CASE WHEN l.inicio <= now() - make_interval(secs => ${ventanaS}) THEN now() ELSE l.inicio END,
      conteo = CASE WHEN l.inicio <= now() - make_interval(secs => ${ventanaS}) THEN 1 ELSE l.conteo + 1 END
    RETURNING conteo, (extract(epoch FROM inicio + make_interval(secs => ${ventanaS}) - now()) * 1000)::float8 AS restante_ms`;
  return estado(fila);
}

/** The window's count so far, without counting. */
export async function consultar(db: Ejecutor, { clave, ventanaS }: Limite): Promise<Estado> {
  const [fila] = await db.$queryRaw<{ conteo: number; restante_ms: number }[]>`
    SELECT conteo, (extract(epoch FROM inicio + make_interval(secs => ${ventanaS}) - now()) * 1000)::float8 AS restante_ms
    FROM limite_tasa WHERE clave = ${clave} AND inicio > now() - make_interval(secs => ${ventanaS})`;
  return estado(fila);
}

export async function olvidar(db: Pick<Db, "$executeRaw">, clave: string) {
  await db.$executeRaw`DELETE FROM limite_tasa WHERE clave = ${clave}`;
}

export function demasiadasSolicitudes(reintentarEnS: number, detail: string) {
  return new ErrorDominio(429, "DEMASIADAS_SOLICITUDES", detail, { reintentar_en_segundos: reintentarEnS }, { "retry-after": String(reintentarEnS) });
}

/** Limits from the environment, read on each use (README: "Límites de uso"). */
export function limites() {
  return {
    escrituras: (actorId: number): Limite => ({ clave: `escritura:${actorId}`, maximo: enteroDelEntorno("LIMITE_ESCRITURAS_POR_MINUTO", 60), ventanaS: 60 }),
    loginCuenta: (email: string): Limite => ({ clave: `login-cuenta:${email.trim().toLowerCase()}`, maximo: enteroDelEntorno("LIMITE_LOGIN_FALLIDOS_CUENTA", 5), ventanaS: 15 * 60 }),
    loginDireccion: (direccion: string): Limite => ({ clave: `login-direccion:${direccion}`, maximo: enteroDelEntorno("LIMITE_LOGIN_FALLIDOS_DIRECCION", 30), ventanaS: 15 * 60 }),
    // Recovery and sign-in links, counted whether the account exists or not (no enumeration).
    enlacesCuenta: (email: string): Limite => ({ clave: `enlaces-cuenta:${email.trim().toLowerCase()}`, maximo: enteroDelEntorno("LIMITE_ENLACES_POR_CORREO", 5), ventanaS: 60 * 60 }),
    enlacesDireccion: (direccion: string): Limite => ({ clave: `enlaces-direccion:${direccion}`, maximo: enteroDelEntorno("LIMITE_ENLACES_POR_DIRECCION", 20), ventanaS: 60 * 60 }),
  };
}

/** Counts one write by the actor; 429 with Retry-After once the minute's budget is spent. */
export async function limitarEscritura(db: Ejecutor, actorId: number) {
  const limite = limites().escrituras(actorId);
  const { conteo, reintentarEnS } = await contar(db, limite);
  if (conteo > limite.maximo)
    throw demasiadasSolicitudes(reintentarEnS, `Demasiadas solicitudes seguidas. Espere ${reintentarEnS} s e intente nuevamente.`);
}

/**
 * The client's address: by default the last X-Forwarded-For entry, what the nearest hop saw (Next.js
 * sets it from the socket when no proxy did). With PROXIES_CONFIABLES=N, the N last entries are the
 * agency's own proxies (load balancer, CDN) and the one before them is the client. Entries further
 * left are whatever the client sent and are never trusted. Without a trusted proxy in front the
 * address can be forged, so the per-account limit is the one that always holds.
 */
export function direccionCliente(headers: Headers, proxiesConfiables = enteroDelEntorno("PROXIES_CONFIABLES", 0, 0)): string {
  const cadena = headers.get("x-forwarded-for")?.split(",").map((d) => d.trim()).filter(Boolean) ?? [];
  return cadena.at(-1 - proxiesConfiables) ?? cadena[0] ?? headers.get("x-real-ip") ?? "desconocida";
}
