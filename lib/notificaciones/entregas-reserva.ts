// Every delivery of every reschedule of one reservation, for support's "did the client get the
// email?": channel, recipient, state, attempts, last error type.
import type { Db } from "@/lib/db/client";
import { serializarEntrega } from "./reintentar";

export type EntregaVisible = ReturnType<typeof serializarEntrega>;

export async function entregasDeReserva(db: Db, reservaId: number) {
  const filas = await db.entregaNotificacion.findMany({ where: { historial: { reservaId } }, orderBy: [{ historialId: "asc" }, { id: "asc" }] });
  const porHistorial = new Map<number, EntregaVisible[]>();
  // The filter on the reschedule's reservation leaves only deliveries that have one.
  for (const e of filas) porHistorial.set(e.historialId!, [...(porHistorial.get(e.historialId!) ?? []), serializarEntrega(e)]);
  return porHistorial;
}

export const hayEntregasEnCurso = (entregas: Map<number, EntregaVisible[]>) =>
  [...entregas.values()].some((l) => l.some((e) => e.estado === "PENDIENTE" || e.estado === "REINTENTANDO"));
