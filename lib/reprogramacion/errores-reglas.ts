// §7 error bodies: each violated rule becomes its contract error, with its context fields.
import { ErrorDominio } from "@/lib/errores";
import type { Configuracion } from "./datos";
import type { Alternativa } from "./disponibilidad";
import type { Alternativa as Alternativa_ } from "@/lib/politicas/alternativas";
import { nivelDisponibilidad } from "./disponibilidad";
import { diaSemana } from "./calendario";
import type { Veredicto } from "./reglas";

const reglaVioladaDe = (v: Veredicto) => ({ id: v.regla.id, nombre: v.regla.nombre, tipo_regla: v.regla.tipoRegla });

/** `alternativas`: what the reservation can do instead, with real figures (lib/politicas/alternativas). */
export function errorTiempoMinimo(v: Veredicto, alternativas: Alternativa_[]) {
  const { causa, ...datos } = v.datos;
  void causa;
  return new ErrorDominio(400, "TIEMPO_MINIMO_VIOLADO", v.regla.mensajeError, { regla_violada: reglaVioladaDe(v), ...datos, alternativas });
}

export function errorLimite(v: Veredicto, config: Configuracion, historial: { fecha: Date; motivo: string }[]) {
  return new ErrorDominio(400, "LIMITE_REPROGRAMACIONES_EXCEDIDO", v.regla.mensajeError, {
    regla_violada: reglaVioladaDe(v),
    reprogramaciones_actuales: v.datos.reprogramaciones_actuales,
    limite_maximo: v.datos.limite_maximo,
    historial_reprogramaciones: historial.map((h) => ({ fecha: h.fecha.toISOString(), motivo: h.motivo })),
    opciones_admin: { puede_autorizar_admin: true, requiere_justificacion: true, contacto_soporte: config.emailSoporte },
  });
}

/** §7 `sugerencias_fechas` item: a nearby day every rule allows. */
export const sugerenciaFecha = (s: Alternativa, zona: string) => ({ fecha: s.fecha.toISOString(), dia: diaSemana(s.fecha, zona), disponible: true });

/** §7 `fechas_alternativas` item: a nearby day with free places. */
export const alternativaFecha = (a: Alternativa) => ({
  fecha: a.fecha.toISOString(),
  disponibilidad: nivelDisponibilidad(a.espacios_libres, a.capacidad),
  espacios_libres: a.espacios_libres,
});

export function errorBlackout(v: Veredicto, fechaSolicitada: Date, zona: string, sugerencias: Alternativa[]) {
  return new ErrorDominio(400, "DIA_BLACKOUT", v.regla.mensajeError, {
    regla_violada: reglaVioladaDe(v),
    fecha_solicitada: fechaSolicitada.toISOString(),
    ...v.datos,
    sugerencias_fechas: sugerencias.map((s) => sugerenciaFecha(s, zona)),
  });
}

/**
 * A full day. `listaEspera` is null where no waiting list can be joined (a new booking has no
 * reservation to move); otherwise the reservation may join it, and `personas` are already in it.
 */
export function errorSinCapacidad(fechaSolicitada: Date, cupo: { ocupadas: number; capacidad: number; apartadas: number; en_lista_espera: number }, alternativas: Alternativa[], listaEspera: { reservaId: number } | null) {
  return new ErrorDominio(409, "FECHA_NO_DISPONIBLE", "La fecha solicitada no está disponible", {
    fecha_solicitada: fechaSolicitada.toISOString(),
    razon: cupo.apartadas > 0 && cupo.ocupadas < cupo.capacidad ? "Los lugares libres están reservados para la lista de espera" : "Fecha completamente reservada",
    disponibilidad: {
      reservas_existentes: cupo.ocupadas,
      capacidad_maxima: cupo.capacidad,
      lista_espera_disponible: listaEspera !== null,
      personas_en_lista_espera: cupo.en_lista_espera,
      ...(listaEspera ? { unirse_lista_espera: `/api/reservas/${listaEspera.reservaId}/lista-espera/` } : {}),
    },
    fechas_alternativas: alternativas.map(alternativaFecha),
  });
}
