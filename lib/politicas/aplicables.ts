// Which policy decides for a reservation: the applicable rule of each policy type with the highest
// priority (the same choice as for the other rules), or the agency settings' defaults when none does.
import type { Rol } from "@/lib/generated/prisma/enums";
import type { Configuracion } from "@/lib/reprogramacion/datos";
import { feriadoNacional } from "@/lib/reprogramacion/feriados";
import { reglasDecisivas, type Regla } from "@/lib/reprogramacion/reglas";
import type { ReservaCompleta } from "@/lib/reservas/serializar";
import { costoReprogramacionSchema, evaluarTransferencia, politicaCancelacionSchema, politicaDe, transferenciaSchema, type PoliticaCancelacion, type PoliticaCostoReprogramacion, type PoliticaTransferencia } from "./politicas";

export interface Politicas {
  cancelacion: { regla: Regla | null; politica: PoliticaCancelacion };
  costo: { regla: Regla | null; politica: PoliticaCostoReprogramacion | null };
  transferencia: { regla: Regla | null; politica: PoliticaTransferencia | null };
}

/**
 * `rol`: who acts. Cancellation and transfer are priced for the client's booking whoever carries
 * them out (an operator cancels on the client's behalf under the same policy); the change fee
 * follows the rule's aplicable_a like any rule.
 */
export function politicasDe(reglas: Regla[], config: Pick<Configuracion, "porcentajeReembolso" | "porcentajeReembolsoTardio" | "costoReprogramacion">, reserva: ReservaCompleta, rol: Rol, ahora: Date, zona: string): Politicas {
  const ctx = (rolActor: Rol) => ({ fechaActual: reserva.fechaInicio, numeroReprogramaciones: reserva.numeroReprogramaciones, nivelCliente: reserva.usuario.nivel, rolActor, nuevaFecha: null, ahora, zona, feriadoNacional });
  const delCliente = reglasDecisivas(reglas, ctx("CLIENTE")).decisivas;
  const delActor = reglasDecisivas(reglas, ctx(rol)).decisivas;
  const reglaCancelacion = delCliente.get("POLITICA_CANCELACION") ?? null;
  const reglaCosto = delActor.get("COSTO_REPROGRAMACION") ?? null;
  const reglaTransferencia = delCliente.get("TRANSFERENCIA") ?? null;
  // Without a policy rule: the settings' refund (from 24 h before) and late refund, and their flat fee for clients.
  const cancelacionPorDefecto: PoliticaCancelacion = { tramos: [{ desde_horas: 24, porcentaje: config.porcentajeReembolso }, { desde_horas: 0, porcentaje: config.porcentajeReembolsoTardio }] };
  const costoPorDefecto: PoliticaCostoReprogramacion | null = rol === "CLIENTE" && config.costoReprogramacion.gt(0) ? { tramos: [{ desde_horas: 0, monto: config.costoReprogramacion.toFixed(2) }] } : null;
  return {
    cancelacion: { regla: reglaCancelacion, politica: (reglaCancelacion && politicaDe(politicaCancelacionSchema, reglaCancelacion.condicionesExtras)) ?? cancelacionPorDefecto },
    costo: { regla: reglaCosto, politica: reglaCosto ? politicaDe(costoReprogramacionSchema, reglaCosto.condicionesExtras) : costoPorDefecto },
    transferencia: { regla: reglaTransferencia, politica: reglaTransferencia ? politicaDe(transferenciaSchema, reglaTransferencia.condicionesExtras) : null },
  };
}

/** The transfer policy's verdict now; a refusal carries the deciding rule's own message. */
export const transferenciaSegun = (t: Politicas["transferencia"], reserva: { fechaInicio: Date; estado: string }, ahora: Date, zona: string) =>
  evaluarTransferencia(t.politica, reserva, ahora, zona, t.regla?.mensajeError);
