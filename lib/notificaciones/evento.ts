// The live event and feed entry, seed 000 §2B/§2C: who, which reservation, from when to when.
// Kept small on purpose (Pusher allows 10 KB, NOTIFY 8 KB): long texts are cut.
export interface DatosNotificacion {
  tipo: "reprogramacion" | "cancelacion" | "transferencia";
  reserva_id: number;
  cliente: { nombre: string; email: string };
  fecha_anterior: string;
  fecha_nueva: string;
  motivo: string;
  reprogramado_por: string;
  tipo_reprogramacion: string;
}

export const LIMITE_EVENTO_BYTES = 8000;
const LARGO_MAXIMO_MOTIVO = 500;

export function datosDelEvento(e: Omit<DatosNotificacion, "tipo"> & { accion?: string }): DatosNotificacion {
  return {
    tipo: e.accion === "CANCELACION" ? "cancelacion" : e.accion === "TRANSFERENCIA" ? "transferencia" : "reprogramacion",
    reserva_id: e.reserva_id,
    cliente: e.cliente,
    fecha_anterior: e.fecha_anterior,
    fecha_nueva: e.fecha_nueva,
    motivo: e.motivo.length > LARGO_MAXIMO_MOTIVO ? `${e.motivo.slice(0, LARGO_MAXIMO_MOTIVO - 1)}…` : e.motivo,
    reprogramado_por: e.reprogramado_por,
    tipo_reprogramacion: e.tipo_reprogramacion,
  };
}

export interface NotificacionFeed {
  id: number;
  datos: unknown;
  leida: boolean;
  createdAt: Date;
}

/** §2C item; the live event is the same object plus §2B's `type` and `cliente_nombre`. */
export function itemNotificacion(n: NotificacionFeed) {
  const datos = n.datos as DatosNotificacion;
  return { id: n.id, ...datos, timestamp: n.createdAt.toISOString(), leida: n.leida };
}

export function eventoEnVivo(n: NotificacionFeed) {
  const item = itemNotificacion(n);
  return { ...item, type: item.tipo, cliente_nombre: item.cliente.nombre };
}
export type EventoEnVivo = ReturnType<typeof eventoEnVivo>;
