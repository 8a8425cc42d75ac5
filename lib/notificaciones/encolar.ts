// Called inside the reschedule transaction: the support feed row, one delivery row per recipient
// and channel, and one queue job per delivery all commit or roll back with the reschedule itself.
// The queue is graphile-worker's table in the same database, so add_job joins this transaction.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TipoReprogramacion } from "@/lib/generated/prisma/enums";
import { configuracionEntregas } from "./config";
import { datosDelEvento, type DatosNotificacion } from "./evento";
import { PLANTILLA_ADMIN, PLANTILLA_EVENTO, plantillaCliente } from "./plantillas";

export const TAREA_ENTREGA = "entregar_notificacion";
export const DESTINATARIO_SOPORTE = "soporte";

export interface EventoReprogramacion extends Omit<DatosNotificacion, "tipo" | "tipo_reprogramacion"> {
  historialId: number;
  tipo_reprogramacion: TipoReprogramacion;
  conDescuento: boolean;
  notificarCliente: boolean;
}

/** What the reschedule response reports: queued is not sent. */
export interface EstadoNotificaciones {
  cliente_notificado: boolean;
  soporte_notificado: boolean;
  emails_enviados: number;
  emails_en_cola: number;
  notificacion_push: boolean;
  push_en_cola: boolean;
  estado: "EN_COLA";
}

export async function encolarNotificaciones(tx: Prisma.TransactionClient, evento: EventoReprogramacion): Promise<EstadoNotificaciones> {
  const { adminEmails } = configuracionEntregas();
  await tx.notificacion.create({
    data: { historialId: evento.historialId, reservaId: evento.reserva_id, datos: { ...datosDelEvento(evento) } },
  });
  const correos = [
    ...(evento.notificarCliente ? [{ destinatario: evento.cliente.email, plantilla: plantillaCliente(evento.tipo_reprogramacion, evento.conDescuento) }] : []),
    ...adminEmails.map((destinatario) => ({ destinatario, plantilla: PLANTILLA_ADMIN })),
  ];
  const entregas = await tx.entregaNotificacion.createManyAndReturn({
    data: [
      ...correos.map((c) => ({ historialId: evento.historialId, canal: "EMAIL" as const, ...c })),
      { historialId: evento.historialId, canal: "TIEMPO_REAL", destinatario: DESTINATARIO_SOPORTE, plantilla: PLANTILLA_EVENTO },
    ],
    select: { id: true },
  });
  for (const { id } of entregas) await encolarEntrega(tx, id);
  return {
    cliente_notificado: false,
    soporte_notificado: true,
    emails_enviados: 0,
    emails_en_cola: correos.length,
    notificacion_push: false,
    push_en_cola: true,
    estado: "EN_COLA",
  };
}

type Ejecutor = Pick<Prisma.TransactionClient, "$executeRaw">;

/** One queue job for one delivery, optionally delayed (retries). Works inside or outside a transaction. */
export async function encolarEntrega(db: Ejecutor, entregaId: number, ejecutarEn: Date | null = null) {
  // max_attempts covers crashes only (worker killed, database blip); provider failures are retried
  // by the delivery itself with its own backoff and attempt log.
  await db.$executeRaw`SELECT graphile_worker.add_job(${TAREA_ENTREGA}, json_build_object('entregaId', ${entregaId}::int), run_at => ${ejecutarEn}::timestamptz, max_attempts => 3)`;
}
