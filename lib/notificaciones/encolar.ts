// Called inside the reschedule transaction: the support feed row, one delivery row per recipient
// and channel, and one queue job for all of them commit or roll back with the reschedule itself.
// The queue is graphile-worker's table in the same database, so add_job joins this transaction.
//
// One job per reschedule (not per delivery): its task sends every channel at once and records each
// channel's outcome on its own row; a channel that must be retried gets a job of its own
// (TAREA_ENTREGA), so a failing SMS never holds the email back nor sends it twice.
import { Prisma } from "@/lib/generated/prisma/client";
import type { AccionHistorial, TipoReprogramacion } from "@/lib/generated/prisma/enums";
import { configuracionEntregas } from "./config";
import { datosDelEvento, type DatosNotificacion } from "./evento";
import {
  PLANTILLA_ADMIN,
  PLANTILLA_ADMIN_CANCELACION,
  PLANTILLA_ADMIN_TRANSFERENCIA,
  PLANTILLA_CANCELACION,
  PLANTILLA_CANCELACION_SMS,
  PLANTILLA_EVENTO,
  PLANTILLA_OFERTA,
  PLANTILLA_OFERTA_SMS,
  PLANTILLA_SMS,
  PLANTILLA_TRANSFERENCIA,
  PLANTILLA_TRANSFERENCIA_ANTERIOR,
  plantillaCliente,
} from "./plantillas";

/** One delivery: a retry, an admin's retry from Métricas, an account email. */
export const TAREA_ENTREGA = "entregar_notificacion";
/** The first attempt at every delivery of one reschedule or offer. */
export const TAREA_ENTREGAS = "entregar_notificaciones";
export const DESTINATARIO_SOPORTE = "soporte";
// max_attempts covers crashes only (worker killed, database blip); provider failures are retried
// by the delivery itself with its own backoff and attempt log.
const MAXIMO_INTENTOS_TRABAJO = 3;

type Ejecutor = Pick<Prisma.TransactionClient, "$executeRaw">;

export interface EventoReprogramacion extends Omit<DatosNotificacion, "tipo" | "tipo_reprogramacion"> {
  /** What happened (a reschedule unless said): it picks the templates and the event's tipo. */
  accion?: AccionHistorial;
  historialId: number;
  tipo_reprogramacion: TipoReprogramacion;
  conDescuento: boolean;
  notificarCliente: boolean;
  /** The client's mobile (E.164) when they take SMS notices, otherwise null. */
  smsCliente: string | null;
  /** A transfer: the previous holder, told too (without a way back in). */
  clienteAnterior?: { email: string };
}

/** The client's templates (email, SMS) and the agency's audit copy for each kind of change. */
function plantillasDe(evento: Omit<EventoReprogramacion, "historialId">) {
  if (evento.accion === "CANCELACION") return { correo: PLANTILLA_CANCELACION, sms: PLANTILLA_CANCELACION_SMS, agencia: PLANTILLA_ADMIN_CANCELACION };
  if (evento.accion === "TRANSFERENCIA") return { correo: PLANTILLA_TRANSFERENCIA, sms: null, agencia: PLANTILLA_ADMIN_TRANSFERENCIA };
  return { correo: plantillaCliente(evento.tipo_reprogramacion, evento.conDescuento), sms: PLANTILLA_SMS, agencia: PLANTILLA_ADMIN };
}

/** Seed 003 §3's channel names. */
type Canal = "email" | "sms" | "push";

/** What the reschedule response reports: queued is not sent. */
export interface EstadoNotificaciones {
  cliente_notificado: boolean;
  soporte_notificado: boolean;
  emails_enviados: number;
  emails_en_cola: number;
  sms_enviado: boolean;
  sms_en_cola: boolean;
  notificacion_push: boolean;
  push_en_cola: boolean;
  /** The channels a delivery was queued on (email: the client's or the admins'; push: the live event). */
  canales_utilizados: Canal[];
  estado: "EN_COLA";
}

interface EntregaNueva {
  canal: string;
  destinatario: string;
  plantilla: string;
}

/** CTE `nuevas`: one delivery row per item, in order, for a reschedule or an offer. */
const entregasNuevas = (origen: { historialIdSql?: Prisma.Sql; esperaId?: number }, entregas: EntregaNueva[]) => Prisma.sql`nuevas AS (
      INSERT INTO entrega_notificacion (historial_id, espera_id, canal, destinatario, plantilla, updated_at)
      SELECT ${origen.historialIdSql ?? Prisma.sql`NULL::int`}, ${origen.esperaId ?? null}::int, e.canal::"CanalEntrega", e.destinatario, e.plantilla, now()
      FROM unnest(${entregas.map((e) => e.canal)}::text[], ${entregas.map((e) => e.destinatario)}::text[], ${entregas.map((e) => e.plantilla)}::text[])
        WITH ORDINALITY AS e(canal, destinatario, plantilla, orden)
      ORDER BY e.orden
      RETURNING id
    )`;

/** One queue job for all the rows of `nuevas`. */
const trabajosDeLasNuevas = Prisma.sql`
    SELECT graphile_worker.add_job(${TAREA_ENTREGAS}, json_build_object('entregaIds', (SELECT array_agg(id ORDER BY id) FROM nuevas)), max_attempts => ${MAXIMO_INTENTOS_TRABAJO})`;

/** What a change notifies: its deliveries, the feed row's data and the response's report. */
function planDe(evento: Omit<EventoReprogramacion, "historialId">) {
  const { adminEmails } = configuracionEntregas();
  const plantillas = plantillasDe(evento);
  const entregas: EntregaNueva[] = [
    ...(evento.notificarCliente ? [{ canal: "EMAIL", destinatario: evento.cliente.email, plantilla: plantillas.correo }] : []),
    ...(evento.clienteAnterior ? [{ canal: "EMAIL", destinatario: evento.clienteAnterior.email, plantilla: PLANTILLA_TRANSFERENCIA_ANTERIOR }] : []),
    ...(evento.notificarCliente && evento.smsCliente && plantillas.sms ? [{ canal: "SMS", destinatario: evento.smsCliente, plantilla: plantillas.sms }] : []),
    ...adminEmails.map((destinatario) => ({ canal: "EMAIL", destinatario, plantilla: plantillas.agencia })),
    { canal: "TIEMPO_REAL", destinatario: DESTINATARIO_SOPORTE, plantilla: PLANTILLA_EVENTO },
  ];
  const correos = entregas.filter((e) => e.canal === "EMAIL").length;
  const sms = entregas.some((e) => e.canal === "SMS");
  const canales: [Canal, boolean][] = [["email", correos > 0], ["sms", sms], ["push", true]];
  const estado: EstadoNotificaciones = {
    cliente_notificado: false,
    soporte_notificado: true,
    emails_enviados: 0,
    emails_en_cola: correos,
    sms_enviado: false,
    sms_en_cola: sms,
    notificacion_push: false,
    push_en_cola: true,
    canales_utilizados: canales.filter(([, usado]) => usado).map(([canal]) => canal),
    estado: "EN_COLA",
  };
  return { entregas, datos: JSON.stringify(datosDelEvento(evento)), estado };
}

/**
 * The feed row, one delivery row per recipient and channel, and one queue job that delivers them
 * all, as CTEs and a final SELECT for a statement that writes the history row as `historialId` (an
 * SQL expression: the reschedule writes its history in the same statement). graphile-worker wakes
 * the workers with a NOTIFY on commit.
 */
export function notificacionesSql(historialId: Prisma.Sql, evento: Omit<EventoReprogramacion, "historialId">, { conTrabajo = true } = {}) {
  const { entregas, datos, estado } = planDe(evento);
  const ctes = Prisma.sql`feed AS (
      INSERT INTO notificacion (historial_id, reserva_id, datos) SELECT ${historialId}, ${evento.reserva_id}, ${datos}::jsonb
    ), ${entregasNuevas({ historialIdSql: historialId }, entregas)}`;
  // Without its own job: a bulk move queues one job for a whole batch (trabajoDeTanda).
  return { ctes, trabajo: conTrabajo ? trabajosDeLasNuevas : Prisma.sql`SELECT NULL`, estado };
}

/** A bulk move's graphile queue: the run, then its notices, one job at a time. */
export const colaDeLote = (loteId: number) => `lote-${loteId}`;

/**
 * The one job that delivers everything a bulk move's batch queued (a SELECT: one row, or none
 * when nothing moved), in the run's graphile queue (colaDeLote). The run itself is the first job of
 * that queue, so its notices go out once the move is done, one batch after another: a bulk move's
 * thousands of notices never slow the move (they share its process) nor crowd out the worker's
 * other deliveries, and a batch's emails leave together (Resend batches under the provider's pace).
 */
export const trabajoDeTanda = (loteId: number, historialIds: Prisma.Sql) => Prisma.sql`
  SELECT graphile_worker.add_job(${TAREA_ENTREGAS}, json_build_object('entregaIds', array_agg(e.id ORDER BY e.id)),
    queue_name => ${colaDeLote(loteId)}, max_attempts => ${MAXIMO_INTENTOS_TRABAJO})
  FROM entrega_notificacion e WHERE e.historial_id = ANY(${historialIds}) HAVING count(*) > 0`;

/** The notifications of a change whose history row is already written: one statement. */
export async function encolarNotificaciones(tx: Ejecutor, evento: EventoReprogramacion): Promise<EstadoNotificaciones> {
  const { ctes, trabajo, estado } = notificacionesSql(Prisma.sql`${evento.historialId}::int`, evento);
  await tx.$executeRaw`WITH ${ctes} ${trabajo}`;
  return estado;
}

/** The add_job call for one delivery, as an SQL expression (both arguments are SQL expressions). */
export const trabajoDeEntrega = (entregaId: Prisma.Sql, ejecutarEn: Prisma.Sql) =>
  Prisma.sql`graphile_worker.add_job(${TAREA_ENTREGA}, json_build_object('entregaId', ${entregaId}), run_at => ${ejecutarEn}, max_attempts => ${MAXIMO_INTENTOS_TRABAJO})`;

/** One queue job for one delivery, optionally delayed (retries). Works inside or outside a transaction. */
export async function encolarEntrega(db: Ejecutor, entregaId: number, ejecutarEn: Date | null = null) {
  await db.$executeRaw`SELECT ${trabajoDeEntrega(Prisma.sql`${entregaId}::int`, Prisma.sql`${ejecutarEn}::timestamptz`)}`;
}

/**
 * The deliveries of a waiting-list offer (the client's email, and an SMS when they take them) and
 * their jobs, in one statement inside the transaction that makes the offer.
 */
export async function encolarOferta(tx: Ejecutor, esperaId: number, cliente: { email: string; smsCliente: string | null }) {
  const entregas: EntregaNueva[] = [
    { canal: "EMAIL", destinatario: cliente.email, plantilla: PLANTILLA_OFERTA },
    ...(cliente.smsCliente ? [{ canal: "SMS", destinatario: cliente.smsCliente, plantilla: PLANTILLA_OFERTA_SMS }] : []),
  ];
  await tx.$executeRaw`WITH ${entregasNuevas({ esperaId }, entregas)} ${trabajosDeLasNuevas}`;
}
