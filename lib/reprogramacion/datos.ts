// What rule evaluation needs from the database: rules, agency settings, occupancy per local day.
import type { Db, Prisma } from "@/lib/db/client";
import { aLaHoraLocal } from "./calendario";
import type { Ocupacion } from "./disponibilidad";
import type { Regla } from "./reglas";

export type Tx = Prisma.TransactionClient | Db;

export async function cargarReglas(db: Tx): Promise<Regla[]> {
  return db.reglaReprogramacion.findMany({ orderBy: [{ prioridad: "asc" }, { id: "asc" }] });
}

export async function obtenerConfiguracion(db: Tx) {
  return (await db.configuracionAgencia.findUnique({ where: { id: 1 } })) ??
    db.configuracionAgencia.upsert({ where: { id: 1 }, update: {}, create: { id: 1 } });
}
export type Configuracion = Awaited<ReturnType<typeof obtenerConfiguracion>>;

/** Reservations per local day around `centro` (± `dias`), not counting cancelled ones nor `excluir`. */
export async function cargarOcupacion(db: Tx, centro: Date, zona: string, capacidadPorDefecto: number, excluir: number | null, dias = 25): Promise<Ocupacion> {
  return cargarOcupacionEntre(db, aLaHoraLocal(centro, -dias, 0, 0, zona), aLaHoraLocal(centro, dias + 1, 0, 0, zona), zona, capacidadPorDefecto, excluir);
}

/** Reservations per local day for starts in [desde, hasta): two queries, whatever the range. */
export async function cargarOcupacionEntre(db: Tx, desde: Date, hasta: Date, zona: string, capacidadPorDefecto: number, excluir: number | null): Promise<Ocupacion> {
  const [filas, capacidades] = await Promise.all([
    db.$queryRaw<{ dia: string; n: number }[]>`
      SELECT to_char(fecha_inicio AT TIME ZONE ${zona}, 'YYYY-MM-DD') AS dia, count(*)::int AS n
      FROM reserva
      WHERE fecha_inicio >= ${desde} AND fecha_inicio < ${hasta} AND estado <> 'CANCELADA' AND id <> ${excluir ?? 0}
      GROUP BY 1`,
    db.capacidadFecha.findMany({ where: { fecha: { gte: new Date(desde.getTime() - 86_400_000), lte: hasta } } }),
  ]);
  return {
    capacidadPorDefecto,
    capacidades: new Map(capacidades.map((c) => [c.fecha.toISOString().slice(0, 10), c.capacidadMaxima])),
    ocupadas: new Map(filas.map((f) => [f.dia, f.n])),
  };
}

/** Serialises every booking into one local day (held until the transaction ends). */
export async function bloquearDia(db: Tx, dia: string) {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"capacidad:" + dia}))`;
}
