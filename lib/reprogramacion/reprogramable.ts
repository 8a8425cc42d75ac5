// Whether a reservation can be moved at all (before any date is chosen), and why not, in the words
// a client reads on the reservation list and detail. The same pure rules as a reschedule.
import type { Actor } from "@/lib/auth/credenciales";
import { zonaAgencia } from "@/lib/formato/fecha";
import type { ReservaCompleta } from "@/lib/reservas/serializar";
import type { Tx } from "./datos";
import { vigentes } from "./vigentes";
import { feriadoNacional } from "./feriados";
import { evaluarReglas, type Regla } from "./reglas";
import { contextoReglas, ESTADOS_NO_REPROGRAMABLES, type Reloj } from "./reprogramar";

export interface Reprogramabilidad {
  puede: boolean;
  /** Why not, as a sentence for the client ("Ya usó sus 3 reprogramaciones"); null when it can. */
  motivo: string | null;
  usadas: number;
  /** The decisive limit for this actor, or null when no limit applies. */
  limite: number | null;
  restantes: number | null;
}

export function reprogramabilidad(reserva: ReservaCompleta, reglas: Regla[], rol: Actor["rol"], ahora: Date, zona: string): Reprogramabilidad {
  const evaluacion = evaluarReglas(reglas, contextoReglas(reserva, rol, null, ahora, zona, feriadoNacional));
  const limite = evaluacion.veredictos.find((v) => v.regla.tipoRegla === "LIMITE_REPROGRAMACIONES");
  const base = {
    usadas: reserva.numeroReprogramaciones,
    limite: limite ? Number(limite.valorRequerido) : null,
    restantes: limite ? Number(limite.datos.restantes) : null,
  };
  if ((ESTADOS_NO_REPROGRAMABLES as readonly string[]).includes(reserva.estado))
    return { ...base, puede: false, motivo: `La reserva está ${reserva.estado === "CANCELADA" ? "cancelada" : "completada"}` };
  if (reserva.fechaInicio.getTime() <= ahora.getTime()) return { ...base, puede: false, motivo: "La fecha de la reserva ya pasó" };
  const [violada] = evaluacion.violadas;
  if (!violada) return { ...base, puede: true, motivo: null };
  if (violada.regla.tipoRegla === "LIMITE_REPROGRAMACIONES") return { ...base, puede: false, motivo: `Ya usó sus ${base.limite} reprogramaciones` };
  if (violada.regla.tipoRegla === "TIEMPO_MINIMO")
    return { ...base, puede: false, motivo: `Faltan ${Math.floor(Number(violada.datos.tiempo_restante_horas))} horas para su viaje y se requieren ${violada.valorRequerido} de anticipación` };
  return { ...base, puede: false, motivo: violada.regla.mensajeError };
}

/** The verdict for each reservation, with the rules loaded once. */
export async function reprogramabilidades(db: Tx, actor: Actor, reservas: ReservaCompleta[], reloj: Reloj = {}) {
  const ahora = reloj.ahora ?? new Date();
  const zona = reloj.zona ?? zonaAgencia();
  const { reglas } = await vigentes(db);
  return new Map(reservas.map((r) => [r.id, reprogramabilidad(r, reglas, actor.rol, ahora, zona)]));
}
