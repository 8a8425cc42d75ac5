// Called inside the reschedule transaction: whatever is written here commits or rolls back with
// the reschedule itself. Today it records the support feed entry; email and live delivery jobs
// are enqueued here too once the delivery worker exists.
import type { Prisma } from "@/lib/generated/prisma/client";

export interface EventoReprogramacion {
  historialId: number;
  reservaId: number;
  cliente: { nombre: string; email: string };
  fechaAnterior: Date;
  fechaNueva: Date;
  motivo: string;
  reprogramadoPor: string;
  tipo: string;
  notificarCliente: boolean;
}

export interface EstadoNotificaciones {
  cliente_notificado: boolean;
  soporte_notificado: boolean;
  emails_enviados: number;
  emails_en_cola: number;
  notificacion_push: boolean;
}

export async function encolarNotificaciones(tx: Prisma.TransactionClient, evento: EventoReprogramacion): Promise<EstadoNotificaciones> {
  await tx.notificacion.create({
    data: {
      historialId: evento.historialId,
      reservaId: evento.reservaId,
      datos: {
        tipo: "reprogramacion",
        reserva_id: evento.reservaId,
        cliente: evento.cliente,
        fecha_anterior: evento.fechaAnterior.toISOString(),
        fecha_nueva: evento.fechaNueva.toISOString(),
        motivo: evento.motivo,
        reprogramado_por: evento.reprogramadoPor,
        tipo_reprogramacion: evento.tipo,
      },
    },
  });
  // Honest state: the feed entry exists; nothing has been emailed or pushed yet.
  return { cliente_notificado: false, soporte_notificado: true, emails_enviados: 0, emails_en_cola: 0, notificacion_push: false };
}
