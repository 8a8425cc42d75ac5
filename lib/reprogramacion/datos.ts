// What rule evaluation needs from the database: rules, agency settings, occupancy per local day.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EstadoReserva, NivelCliente, Rol, TipoReprogramacion } from "@/lib/generated/prisma/enums";
import type { ReservaCompleta } from "@/lib/reservas/serializar";
import { aLaHoraLocal, diaDeColumna, fechaLocal, limitesDelDia } from "./calendario";
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

/**
 * Places the waiting list holds on a day, as seen by reservation `excluir`: open offers, and the
 * people waiting (a place that frees up is theirs first), unless `excluir` holds a live offer there
 * itself (then the place is its own). Aggregates over entrada_lista_espera rows of one day.
 */
const apartadasSql = (excluir: number) => Prisma.sql`(
  count(*) FILTER (WHERE estado = 'OFERTADA' AND reserva_id <> ${excluir})
  + CASE WHEN bool_or(estado = 'OFERTADA' AND reserva_id = ${excluir} AND oferta_vence_at > now()) THEN 0
         ELSE count(*) FILTER (WHERE estado = 'ESPERANDO' AND reserva_id <> ${excluir}) END)::int`;

/** Reservations per local day for starts in [desde, hasta), and the waiting lists' held places: three queries, whatever the range. */
export async function cargarOcupacionEntre(db: Tx, desde: Date, hasta: Date, zona: string, capacidadPorDefecto: number, excluir: number | null): Promise<Ocupacion> {
  const [filas, capacidades, esperas] = await Promise.all([
    db.$queryRaw<{ dia: string; n: number }[]>`
      SELECT to_char(fecha_inicio AT TIME ZONE ${zona}, 'YYYY-MM-DD') AS dia, count(*)::int AS n
      FROM reserva
      WHERE fecha_inicio >= ${desde} AND fecha_inicio < ${hasta} AND estado <> 'CANCELADA' AND id <> ${excluir ?? 0}
      GROUP BY 1`,
    db.capacidadFecha.findMany({ where: { fecha: { gte: new Date(desde.getTime() - 86_400_000), lte: hasta } } }),
    db.$queryRaw<{ dia: string; apartadas: number; en_lista: number }[]>`
      SELECT to_char(dia, 'YYYY-MM-DD') AS dia, ${apartadasSql(excluir ?? 0)} AS apartadas, count(*)::int AS en_lista
      FROM entrada_lista_espera
      WHERE estado IN ('ESPERANDO', 'OFERTADA') AND hasta > ${desde} AND desde < ${hasta}
      GROUP BY dia`,
  ]);
  return {
    capacidadPorDefecto,
    capacidades: new Map(capacidades.map((c) => [diaDeColumna(c.fecha), c.capacidadMaxima])),
    ocupadas: new Map(filas.map((f) => [f.dia, f.n])),
    apartadas: new Map(esperas.map((e) => [e.dia, e.apartadas])),
    enLista: new Map(esperas.map((e) => [e.dia, e.en_lista])),
  };
}

const claveDeDia = (dia: string) => "capacidad:" + dia;

/** Serialises every booking into one local day (held until the transaction ends). */
export async function bloquearDia(db: Tx, dia: string) {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${claveDeDia(dia)}))`;
}

/** Several days' locks in one statement, always in day order (two writers never wait on each other in a circle). */
export async function bloquearDias(db: Tx, dias: string[]) {
  if (!dias.length) return;
  // OFFSET 0 keeps the sorted subquery as it is, so the locks are taken row by row in that order.
  await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('capacidad:' || d))::text FROM (SELECT d FROM unnest(${dias}::text[]) AS d ORDER BY d OFFSET 0) AS s`;
}

/** Bookings on one local day (not counting `excluir`), its capacity row and its waiting list, in one statement. */
export async function cargarOcupacionDelDia(db: Tx, fecha: Date, zona: string, capacidadPorDefecto: number, excluir: number | null): Promise<Ocupacion> {
  const { inicio, fin } = limitesDelDia(fecha, zona);
  const dia = fechaLocal(fecha, zona);
  const [fila] = await db.$queryRaw<{ n: number; capacidad: number | null; apartadas: number; en_lista: number }[]>`
    SELECT (SELECT count(*)::int FROM reserva
            WHERE fecha_inicio >= ${inicio} AND fecha_inicio < ${fin} AND estado <> 'CANCELADA' AND id <> ${excluir ?? 0}) AS n,
           (SELECT capacidad_maxima FROM capacidad_fecha WHERE fecha = ${dia}::date) AS capacidad,
           e.apartadas, e.en_lista
    FROM (SELECT coalesce(${apartadasSql(excluir ?? 0)}, 0) AS apartadas, count(*)::int AS en_lista
          FROM entrada_lista_espera WHERE dia = ${dia}::date AND estado IN ('ESPERANDO', 'OFERTADA')) e`;
  return {
    capacidadPorDefecto,
    capacidades: new Map(fila.capacidad === null ? [] : [[dia, fila.capacidad]]),
    ocupadas: new Map([[dia, fila.n]]),
    apartadas: new Map([[dia, fila.apartadas]]),
    enLista: new Map([[dia, fila.en_lista]]),
  };
}

/** What the reschedule reads with the reservation: the acting user and the rules' version. */
export interface Bloqueo {
  version: bigint;
  actor: { id: number; email: string; nombre: string; apellido: string; rol: Rol; departamento: string | null };
}

/**
 * How a load locks: not at all, the reservation rows, or the row and then one day's capacity lock in
 * the same round trip (what a reschedule into that day takes next anyway; row first, as everywhere).
 */
export type Bloquear = boolean | { dia: string };

/**
 * The reservation with its services and client, the acting user and the rules' version in one round
 * trip; with `bloquear`, the reservation row is locked for the transaction. Null when it does not exist.
 */
export async function cargarReserva(db: Tx, id: number, actorId: number, bloquear: Bloquear = false): Promise<Carga | null> {
  return (await cargarReservas(db, [id], actorId, bloquear)).get(id) ?? null;
}

export type Carga = Bloqueo & { reserva: ReservaCompleta };

/** Several reservations in one round trip (a bulk move's batch), locked in id order with `bloquear`. */
export async function cargarReservas(db: Tx, ids: number[], actorId: number, bloquear: Bloquear = false): Promise<Map<number, Carga>> {
  const consulta = Prisma.sql`
    SELECT r.id, r.usuario_id, r.destino, r.fecha_inicio, r.fecha_original, r.estado::text, r.total, r.moneda, r.numero_reprogramaciones,
           r.fecha_reprogramacion, r.motivo_reprogramacion, r.reprogramado_por_id, r.costo_reprogramacion, r.tipo_ultima_reprogramacion::text,
           r.created_at, r.updated_at, r.referencia_externa, r.cambios,
           u.email AS u_email, u.password_hash AS u_password_hash, u.nombre AS u_nombre, u.apellido AS u_apellido, u.rol::text AS u_rol,
           u.nivel::text AS u_nivel, u.departamento AS u_departamento, u.telefono AS u_telefono, u.sms_activo AS u_sms_activo, u.activo AS u_activo,
           u.created_at AS u_created_at, u.updated_at AS u_updated_at,
           (SELECT coalesce(json_agg(json_build_object('id', s.id, 'tipo', s.tipo, 'descripcion', s.descripcion, 'precio', s.precio::text) ORDER BY s.id), '[]')
              FROM servicio s WHERE s.reserva_id = r.id) AS servicios,
           a.email AS a_email, a.nombre AS a_nombre, a.apellido AS a_apellido, a.rol::text AS a_rol, a.departamento AS a_departamento,
           (SELECT version FROM version_configuracion WHERE id = 1) AS version
    FROM reserva r JOIN usuario u ON u.id = r.usuario_id LEFT JOIN usuario a ON a.id = ${actorId}
    WHERE r.id = ANY(${ids}::int[])
    ORDER BY r.id
    ${bloquear ? Prisma.sql`FOR UPDATE OF r` : Prisma.empty}`;
  // The day's lock is an InitPlan of the outer projection: PostgreSQL runs it at the first row, once
  // the CTE has locked that row (and never when the reservation does not exist).
  const filas = await db.$queryRaw<FilaBloqueo[]>(
    typeof bloquear === "object" ? Prisma.sql`WITH c AS (${consulta}) SELECT c.*, (SELECT pg_advisory_xact_lock(hashtext(${claveDeDia(bloquear.dia)}))::text) AS dia_bloqueado FROM c` : consulta,
  );
  return new Map(filas.map((fila) => [fila.id, deFila(fila, actorId)]));
}

function deFila(fila: FilaBloqueo, actorId: number): Carga {
  const reserva: ReservaCompleta = {
    id: fila.id,
    usuarioId: fila.usuario_id,
    destino: fila.destino,
    fechaInicio: fila.fecha_inicio,
    fechaOriginal: fila.fecha_original,
    estado: fila.estado as EstadoReserva,
    total: fila.total,
    moneda: fila.moneda,
    numeroReprogramaciones: fila.numero_reprogramaciones,
    fechaReprogramacion: fila.fecha_reprogramacion,
    motivoReprogramacion: fila.motivo_reprogramacion,
    reprogramadoPorId: fila.reprogramado_por_id,
    costoReprogramacion: fila.costo_reprogramacion,
    tipoUltimaReprogramacion: fila.tipo_ultima_reprogramacion as TipoReprogramacion | null,
    createdAt: fila.created_at,
    updatedAt: fila.updated_at,
    referenciaExterna: fila.referencia_externa,
    cambios: fila.cambios,
    usuario: {
      id: fila.usuario_id,
      email: fila.u_email,
      passwordHash: fila.u_password_hash,
      nombre: fila.u_nombre,
      apellido: fila.u_apellido,
      rol: fila.u_rol as Rol,
      nivel: fila.u_nivel as NivelCliente | null,
      departamento: fila.u_departamento,
      telefono: fila.u_telefono,
      smsActivo: fila.u_sms_activo,
      activo: fila.u_activo,
      createdAt: fila.u_created_at,
      updatedAt: fila.u_updated_at,
    },
    servicios: fila.servicios.map((s) => ({ ...s, reservaId: fila.id, precio: new Prisma.Decimal(s.precio) })),
  };
  const actor = { id: actorId, email: fila.a_email, nombre: fila.a_nombre, apellido: fila.a_apellido, rol: fila.a_rol as Rol, departamento: fila.a_departamento };
  return { reserva, actor, version: fila.version ?? BigInt(0) };
}

interface FilaBloqueo {
  id: number;
  usuario_id: number;
  destino: string;
  fecha_inicio: Date;
  fecha_original: Date | null;
  referencia_externa: string | null;
  cambios: number;
  estado: string;
  total: Prisma.Decimal;
  moneda: string;
  numero_reprogramaciones: number;
  fecha_reprogramacion: Date | null;
  motivo_reprogramacion: string | null;
  reprogramado_por_id: number | null;
  costo_reprogramacion: Prisma.Decimal;
  tipo_ultima_reprogramacion: string | null;
  created_at: Date;
  updated_at: Date;
  u_email: string;
  u_password_hash: string;
  u_nombre: string;
  u_apellido: string;
  u_rol: string;
  u_nivel: string | null;
  u_departamento: string | null;
  u_telefono: string | null;
  u_sms_activo: boolean;
  u_activo: boolean;
  u_created_at: Date;
  u_updated_at: Date;
  servicios: { id: number; tipo: string; descripcion: string; precio: string }[];
  a_email: string;
  a_nombre: string;
  a_apellido: string;
  a_rol: string;
  a_departamento: string | null;
  version: bigint | null;
}
