// Server-side sessions. The session JWT carries a random id (sid); PostgreSQL keeps its hash, owner,
// scope and expiry. Every request resolves the sid to the actor through a per-process cache; ending
// sessions writes cerrada_at and NOTIFYs `sesiones_cerradas` in the same transaction, and every
// process drops the matching entries on commit. While that LISTEN connection is down nothing is
// cached, so an ended session is never honoured for longer than a notification takes.
import { escuchaDeCanal } from "@/lib/db/escucha";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashDeToken, mismoHash, nuevoToken } from "@/lib/cuenta/tokens";
import type { Actor } from "./credenciales";

export const DURACION_SESION_MS = 8 * 60 * 60 * 1000;
/** A manage-link session: one reservation, two hours. */
export const DURACION_SESION_GESTION_MS = 2 * 60 * 60 * 1000;

type Ejecutor = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

interface Entrada {
  actor: Actor | null;
  usuarioId: number | null;
  vence: number;
}
const MAXIMO_EN_MEMORIA = 20_000;
const global = globalThis as unknown as { sesionesEnMemoria?: { copia: Map<string, Entrada>; generacion: number } };
const memoria = (global.sesionesEnMemoria ??= { copia: new Map(), generacion: 0 });

/** Drops cached sessions: all (null), one ("s:<hash>") or a user's ("u:<id>"); the payloads of the NOTIFY. */
function olvidar(payload: string | null) {
  memoria.generacion++;
  if (payload === null) return memoria.copia.clear();
  if (payload.startsWith("s:")) return void memoria.copia.delete(payload.slice(2));
  const usuarioId = Number(payload.slice(2));
  for (const [hash, entrada] of memoria.copia) if (entrada.usuarioId === usuarioId) memoria.copia.delete(hash);
}

const cierres = escuchaDeCanal("sesiones_cerradas", olvidar);

export async function abrirSesion(db: Ejecutor, usuarioId: number, opciones: { reservaId?: number | null; duracionMs?: number } = {}) {
  const sid = nuevoToken();
  const venceAt = new Date(Date.now() + (opciones.duracionMs ?? DURACION_SESION_MS));
  await db.$executeRaw`INSERT INTO sesion (hash, usuario_id, reserva_id, vence_at) VALUES (${hashDeToken(sid)}, ${usuarioId}, ${opciones.reservaId ?? null}, ${venceAt})`;
  return { sid, venceAt };
}

/** Ends one session (sign-out). Harmless when it is already ended or unknown. */
export async function cerrarSesion(db: Ejecutor, sid: string, motivo = "salida") {
  const hash = hashDeToken(sid);
  await db.$executeRaw`
    WITH cerrada AS (UPDATE sesion SET cerrada_at = now(), motivo_cierre = ${motivo} WHERE hash = ${hash} AND cerrada_at IS NULL RETURNING 1)
    SELECT pg_notify('sesiones_cerradas', ${`s:${hash}`})`;
  // This process forgets it now: the next request, here, must not wait for its own notification.
  olvidar(`s:${hash}`);
}

/** Ends every open session of a user; inside a transaction, the other processes hear it on commit. */
export async function cerrarSesionesDe(db: Ejecutor, usuarioId: number, motivo: string) {
  await db.$executeRaw`
    WITH cerradas AS (UPDATE sesion SET cerrada_at = now(), motivo_cierre = ${motivo} WHERE usuario_id = ${usuarioId} AND cerrada_at IS NULL RETURNING 1)
    SELECT pg_notify('sesiones_cerradas', ${`u:${usuarioId}`})`;
  // Inside a transaction the notification (on commit) is what makes it final everywhere, this process too.
  olvidar(`u:${usuarioId}`);
}

/** Ends the manage-link sessions opened on a reservation (its links were revoked). */
export async function cerrarSesionesDeReserva(db: Ejecutor, reservaId: number, motivo: string) {
  const usuarios = await db.$queryRaw<{ usuario_id: number }[]>`
    UPDATE sesion SET cerrada_at = now(), motivo_cierre = ${motivo} WHERE reserva_id = ${reservaId} AND cerrada_at IS NULL RETURNING usuario_id`;
  for (const id of new Set(usuarios.map((u) => u.usuario_id))) {
    await db.$executeRaw`SELECT pg_notify('sesiones_cerradas', ${`u:${id}`})`;
    olvidar(`u:${id}`);
  }
}

interface FilaSesion {
  hash: string;
  usuario_id: number;
  reserva_id: number | null;
  vence_at: Date;
  email: string;
  nombre: string;
  apellido: string;
  rol: Actor["rol"];
}

/** The actor of an open session of an active user, or null (unknown, ended, expired, deactivated). */
export async function actorDeSesion(db: Ejecutor, sid: string): Promise<Actor | null> {
  const hash = hashDeToken(sid);
  cierres.asegurar();
  const guardada = memoria.copia.get(hash);
  if (guardada && guardada.vence > Date.now()) return guardada.actor;
  const generacion = memoria.generacion;
  const [fila] = await db.$queryRaw<FilaSesion[]>`
    SELECT s.hash, s.usuario_id, s.reserva_id, s.vence_at, u.email, u.nombre, u.apellido, u.rol::text AS rol
    FROM sesion s JOIN usuario u ON u.id = s.usuario_id
    WHERE s.hash = ${hash} AND s.cerrada_at IS NULL AND s.vence_at > now() AND u.activo`;
  const actor: Actor | null =
    fila && mismoHash(fila.hash, hash) ? { id: fila.usuario_id, email: fila.email, nombre: fila.nombre, apellido: fila.apellido, rol: fila.rol, reservaId: fila.reserva_id } : null;
  // Kept only if no session was ended while this read was in flight, and only while listening.
  if (cierres.conectada() && generacion === memoria.generacion) {
    if (memoria.copia.size >= MAXIMO_EN_MEMORIA) memoria.copia.clear();
    // An ended or unknown session never comes back: its "no" is kept until the cache is cleared.
    memoria.copia.set(hash, { actor, usuarioId: fila?.usuario_id ?? null, vence: fila ? fila.vence_at.getTime() : Number.MAX_SAFE_INTEGER });
  }
  return actor;
}

/** Whether this process hears ended sessions now (for /api/admin/salud); while not, nothing is cached. */
export const escuchaSesiones = () => ({ conectada: cierres.conectada() });

/** Housekeeping: sessions that ended or expired more than a week ago are of no further use. */
export const borrarSesionesVencidas = (db: Ejecutor) =>
  db.$executeRaw`DELETE FROM sesion WHERE vence_at < now() - interval '7 days' OR cerrada_at < now() - interval '7 days'`;
