// Every delivery of every reschedule of one reservation, for support's "did the client get the
// email?": channel, recipient, state, attempts, last error type.
import type { Db } from "@/lib/db/client";
import { iso } from "@/lib/reservas/serializar";

export async function entregasDeReserva(db: Db, reservaId: number) {
  const filas = await db.entregaNotificacion.findMany({ where: { historial: { reservaId } }, orderBy: [{ historialId: "asc" }, { id: "asc" }] });
  const porHistorial = new Map<number, EntregaVisible[]>();
  for (const e of filas) {
    const lista = porHistorial.get(e.historialId) ?? [];
    lista.push({
      id: e.id,
      canal: e.canal,
      destinatario: e.destinatario,
      plantilla: e.plantilla,
      estado: e.estado,
      intentos: e.intentos,
      error_tipo: e.errorTipo,
      encolada_at: iso(e.encoladaAt)!,
      enviada_at: iso(e.enviadaAt),
    });
    porHistorial.set(e.historialId, lista);
  }
  return porHistorial;
}

export interface EntregaVisible {
  id: number;
  canal: "EMAIL" | "TIEMPO_REAL";
  destinatario: string;
  plantilla: string;
  estado: "PENDIENTE" | "ENVIADA" | "REINTENTANDO" | "FALLIDA";
  intentos: number;
  error_tipo: string | null;
  encolada_at: string;
  enviada_at: string | null;
}

export const hayEntregasEnCurso = (entregas: Map<number, EntregaVisible[]>) =>
  [...entregas.values()].some((l) => l.some((e) => e.estado === "PENDIENTE" || e.estado === "REINTENTANDO"));
