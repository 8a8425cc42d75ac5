// One-time links: invitation (72 h), password recovery (30 min), sign-in link (15 min), each used
// once; and the client's manage link, scoped to one reservation and its holder, good until the trip
// date unless the agency revokes it. The row is created with the request; the worker mints the
// token when it composes the email (emitirToken), so the token is never stored anywhere.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PropositoEnlace } from "@/lib/generated/prisma/enums";
import { cerrarSesionesDeReserva } from "@/lib/auth/sesiones";
import { porTandas } from "@/lib/db/por-tandas";
import { noEncontrado } from "@/lib/errores";
import { FORMA_TOKEN, hashDeToken, mismoHash, nuevoToken } from "./tokens";

type Tx = Prisma.TransactionClient | Db;

export const VIGENCIA_MS: Record<Exclude<PropositoEnlace, "GESTION">, number> = {
  INVITACION: 72 * 60 * 60 * 1000,
  RECUPERACION: 30 * 60 * 1000,
  ACCESO: 15 * 60 * 1000,
};
// A manage link is checked against the live trip date; this is only an outer bound.
const VIGENCIA_MAXIMA_GESTION_MS = 800 * 24 * 60 * 60 * 1000;

export const RUTA_ENLACE: Record<PropositoEnlace, string> = {
  INVITACION: "/invitacion",
  RECUPERACION: "/recuperar",
  ACCESO: "/acceso",
  GESTION: "/gestionar",
};

/**
 * The token for an account email's link, minted as the email is composed; null when the link was
 * used or revoked meanwhile (the email is then not sent). A crash-retry mints a new one, and only
 * the last email sent works.
 */
export async function emitirToken(db: Tx, enlaceId: number): Promise<string | null> {
  const token = nuevoToken();
  const { count } = await db.enlaceAcceso.updateMany({ where: { id: enlaceId, usadoAt: null, revocadoAt: null }, data: { hash: hashDeToken(token) } });
  return count === 1 ? token : null;
}

// The worker composes dozens of client messages at once, each minting its link: the rows minted in
// one turn of the event loop go in as one INSERT.
const insertarEnlacesGestion = porTandas(
  async (db, filas: { hash: string; usuarioId: number; reservaId: number; venceAt: Date }[]) => {
    await db.enlaceAcceso.createMany({ data: filas.map((f) => ({ proposito: "GESTION" as const, ...f })) });
    return new Map(filas.map((f) => [f.hash, true]));
  },
  (f) => f.hash,
);

/** A fresh manage link for one reservation and its holder (each client email carries its own). */
export async function emitirEnlaceGestion(db: Db, reservaId: number, usuarioId: number): Promise<string> {
  const token = nuevoToken();
  await insertarEnlacesGestion(db, [{ hash: hashDeToken(token), usuarioId, reservaId, venceAt: new Date(Date.now() + VIGENCIA_MAXIMA_GESTION_MS) }]);
  return token;
}

const INCLUIR = { usuario: true, reserva: true } as const;
export type EnlaceVigente = Prisma.EnlaceAccesoGetPayload<{ include: typeof INCLUIR }>;

/** Why a link no longer works, for the page that says so. */
export type MotivoRechazo = "DESCONOCIDO" | "USADO" | "VENCIDO";

function motivoDeRechazo(e: EnlaceVigente | null, proposito: PropositoEnlace, ahora: Date): MotivoRechazo | null {
  if (!e || e.proposito !== proposito || e.revocadoAt || !e.usuario.activo) return "DESCONOCIDO";
  if (proposito !== "GESTION" && e.usadoAt) return "USADO";
  if (e.venceAt <= ahora) return "VENCIDO";
  if (proposito === "GESTION") {
    // The link belongs to the reservation's holder, and to a trip still ahead.
    if (!e.reserva || e.reserva.usuarioId !== e.usuarioId) return "DESCONOCIDO";
    if (e.reserva.fechaInicio <= ahora || e.reserva.estado === "CANCELADA" || e.reserva.estado === "COMPLETADA") return "VENCIDO";
  }
  return null;
}

/** Reads a link without changing anything (a GET: mail scanners open links too). */
export async function verEnlace(db: Tx, token: string, proposito: PropositoEnlace, ahora = new Date()): Promise<{ ok: true; enlace: EnlaceVigente } | { ok: false; motivo: MotivoRechazo }> {
  if (!FORMA_TOKEN.test(token)) return { ok: false, motivo: "DESCONOCIDO" };
  const hash = hashDeToken(token);
  const enlace = await db.enlaceAcceso.findUnique({ where: { hash }, include: INCLUIR });
  const motivo = motivoDeRechazo(enlace && enlace.hash && mismoHash(enlace.hash, hash) ? enlace : null, proposito, ahora);
  return motivo ? { ok: false, motivo } : { ok: true, enlace: enlace! };
}

/**
 * Uses a single-use link: one conditional UPDATE, so of two requests racing with the same token
 * exactly one gets the row (PostgreSQL re-checks `usado_at IS NULL` after the first commits).
 */
export async function consumirEnlace(tx: Tx, enlaceId: number, ahora = new Date()): Promise<boolean> {
  const { count } = await tx.enlaceAcceso.updateMany({ where: { id: enlaceId, usadoAt: null, revocadoAt: null, venceAt: { gt: ahora } }, data: { usadoAt: ahora } });
  return count === 1;
}

/** Staff take back every manage link of a reservation (a forwarded email, a lost phone) and end the sessions they opened. */
export async function revocarEnlacesGestion(db: Db, reservaId: number) {
  if (!(await db.reserva.findUnique({ where: { id: reservaId }, select: { id: true } }))) throw noEncontrado("La reserva no existe.");
  return db.$transaction(async (tx) => {
    const { count } = await tx.enlaceAcceso.updateMany({ where: { reservaId, proposito: "GESTION", revocadoAt: null }, data: { revocadoAt: new Date() } });
    await cerrarSesionesDeReserva(tx, reservaId, "enlaces revocados");
    return { enlaces_revocados: count };
  });
}

/** How many manage links of a reservation still work for its holder (for support's page). */
export const enlacesGestionVigentes = (db: Tx, reserva: { id: number; usuarioId: number }) =>
  db.enlaceAcceso.count({ where: { reservaId: reserva.id, usuarioId: reserva.usuarioId, proposito: "GESTION", revocadoAt: null, hash: { not: null } } });
