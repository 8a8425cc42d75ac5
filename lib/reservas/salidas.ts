// What a reservation's page shows of its ways out: the cancellation quote, the transfer's
// conditions and, once cancelled, its refund. The client's page and support's load it the same way.
import type { Actor } from "@/lib/auth/credenciales";
import { cotizar } from "@/lib/cancelacion/cancelar";
import type { Db } from "@/lib/db/client";
import { zonaAgencia } from "@/lib/formato/fecha";
import { reservaYActor } from "@/lib/reprogramacion/reprogramar";
import { condicionesDeCarga } from "@/lib/transferencia/transferir";

export async function salidasDeReserva(db: Db, actor: Actor, reservaId: number, ahora = new Date(), zona = zonaAgencia()) {
  // The reservation once, for both the quote and the transfer's conditions.
  const [carga, reembolso] = await Promise.all([reservaYActor(db, actor, reservaId), db.reembolso.findUnique({ where: { reservaId } })]);
  const [{ cuerpo: cancelacion }, transferencia] = await Promise.all([cotizar(db, carga, actor.rol, ahora, zona), condicionesDeCarga(db, carga, actor.rol, ahora, zona)]);
  return { cancelacion, transferencia, reembolso: reembolso && { monto: reembolso.monto.toFixed(2), porcentaje: reembolso.porcentaje.toNumber(), moneda: reembolso.moneda, pagado: reembolso.estado === "PAGADO" } };
}
export type SalidasReserva = Awaited<ReturnType<typeof salidasDeReserva>>;
