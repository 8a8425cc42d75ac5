// What a reservation's page shows of its ways out: the cancellation quote, the transfer's
// conditions and, once cancelled, its refund. The client's page and support's load it the same way.
import type { Actor } from "@/lib/auth/credenciales";
import { cotizacionDeCancelacion } from "@/lib/cancelacion/cancelar";
import type { Db } from "@/lib/db/client";
import { condicionesDeTransferencia } from "@/lib/transferencia/transferir";

export async function salidasDeReserva(db: Db, actor: Actor, reservaId: number) {
  const [cancelacion, transferencia, reembolso] = await Promise.all([
    cotizacionDeCancelacion(db, actor, reservaId),
    condicionesDeTransferencia(db, actor, reservaId),
    db.reembolso.findUnique({ where: { reservaId } }),
  ]);
  return { cancelacion, transferencia, reembolso: reembolso && { monto: reembolso.monto.toFixed(2), porcentaje: reembolso.porcentaje.toNumber(), moneda: reembolso.moneda, pagado: reembolso.estado === "PAGADO" } };
}
export type SalidasReserva = Awaited<ReturnType<typeof salidasDeReserva>>;
