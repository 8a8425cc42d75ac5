// GET /api/reservas/{id}/puede-reprogramar/: the same evaluation as a reschedule, without writing.
import type { z } from "zod";
import type { puedeReprogramarSchema } from "@/lib/api/respuestas";
import type { Actor } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { zonaAgencia } from "@/lib/formato/fecha";
import { errorDeValidacion, fechaIso } from "@/lib/validacion";
import { fechaLocal, horasEntre } from "./calendario";
import { cargarOcupacion, cargarOcupacionDelDia } from "./datos";
import { vigentes } from "./vigentes";
import { libres } from "./disponibilidad";
import { feriadoNacional } from "./feriados";
import { evaluarReglas, type Veredicto } from "./reglas";
import { alternativasDe } from "@/lib/politicas/alternativas";
import { alternativaFecha, sugerenciaFecha } from "./errores-reglas";
import { alternativasReservables, contextoReglas, costoDelCambio, problemasDeFecha, reservaDelActor, type Reloj } from "./reprogramar";

function reglaEvaluada(v: Veredicto) {
  const extra = v.regla.tipoRegla === "DIA_BLACKOUT" ? { dia_actual: v.datos.dia_semana ?? v.datos.dia_actual, dias_no_permitidos: v.datos.dias_no_permitidos } : {};
  return {
    id: v.regla.id,
    nombre: v.regla.nombre,
    tipo_regla: v.regla.tipoRegla,
    cumple: v.cumple,
    detalle: v.detalle,
    valor_actual: v.valorActual,
    valor_requerido: v.valorRequerido,
    ...extra,
  };
}

function reglaViolada(v: Veredicto) {
  const base = { ...reglaEvaluada(v), mensaje_error: v.regla.mensajeError };
  if (v.regla.tipoRegla === "TIEMPO_MINIMO")
    return { ...base, tiempo_restante_para_cumplir: `${Math.abs(Number(v.datos.diferencia_horas))} horas`, fecha_limite_reprogramacion: v.datos.fecha_limite_reprogramacion };
  if (v.regla.tipoRegla === "LIMITE_REPROGRAMACIONES") return { ...base, proxima_disponibilidad: "Solo disponible para administradores" };
  return base;
}

export async function verificarReprogramacion(db: Db, actor: Actor, reservaId: number, nuevaFechaTexto: string | null, reloj: Reloj = {}): Promise<z.input<typeof puedeReprogramarSchema>> {
  const ahora = reloj.ahora ?? new Date();
  const zona = reloj.zona ?? zonaAgencia();
  let nuevaFecha: Date | null = null;
  if (nuevaFechaTexto !== null) {
    const parsed = fechaIso("La nueva fecha es requerida").safeParse(nuevaFechaTexto);
    if (!parsed.success) throw errorDeValidacion(parsed.error, "El parámetro nueva_fecha no es válido.");
    nuevaFecha = new Date(parsed.data);
  }
  const [reserva, { reglas, config }] = await Promise.all([reservaDelActor(db, actor, reservaId), vigentes(db)]);
  const ctx = contextoReglas(reserva, actor.rol, nuevaFecha, ahora, zona, feriadoNacional);
  const evaluacion = evaluarReglas(reglas, ctx);
  const violadas = evaluacion.violadas.map(reglaViolada);

  const bloqueos = problemasDeFecha(reserva, nuevaFecha, ahora, config.horizonteReservaDias).map((p) => p.detail);
  let disponibilidad = null;
  let sugerencias = {};
  if (nuevaFecha) {
    const fechaValida = bloqueos.length === 0 && violadas.length === 0;
    const cupo = libres(await cargarOcupacionDelDia(db, nuevaFecha, zona, config.capacidadDiariaPorDefecto, reserva.id), fechaLocal(nuevaFecha, zona));
    disponibilidad = {
      reservas_existentes: cupo.ocupadas,
      capacidad_maxima: cupo.capacidad,
      espacios_libres: cupo.libres,
      personas_en_lista_espera: cupo.en_lista_espera,
      // Full, but the rules allow the date: the reservation can wait for a place there.
      lista_espera_disponible: cupo.libres <= 0 && fechaValida,
    };
    if (cupo.libres <= 0) bloqueos.push("La fecha solicitada no está disponible");
    // A blocked date comes with the nearby dates a reschedule would accept, as the §7 errors do.
    if (violadas.length || cupo.libres <= 0) {
      const ocupacion = await cargarOcupacion(db, nuevaFecha, zona, config.capacidadDiariaPorDefecto, reserva.id);
      const cercanas = alternativasReservables(reglas, ctx, ocupacion, [], nuevaFecha);
      sugerencias = cupo.libres <= 0 ? { fechas_alternativas: cercanas.map(alternativaFecha) } : { sugerencias_fechas: cercanas.map((c) => sugerenciaFecha(c, zona)) };
    }
  }

  const tiempo = evaluacion.veredictos.find((v) => v.regla.tipoRegla === "TIEMPO_MINIMO");
  const limite = evaluacion.veredictos.find((v) => v.regla.tipoRegla === "LIMITE_REPROGRAMACIONES");
  const puede = violadas.length === 0 && bloqueos.length === 0;
  const motivos = [...evaluacion.violadas.map((v) => v.regla.mensajeError), ...bloqueos];
  const costo = costoDelCambio(reglas, config, reserva, actor.rol, ahora, zona, []);
  return {
    puede_reprogramar: puede,
    razon: puede ? "Cumple todas las condiciones para reprogramar" : motivos.length > 1 ? "Múltiples reglas violadas" : motivos[0],
    ...(nuevaFecha ? { nueva_fecha: nuevaFecha.toISOString() } : {}),
    reprogramaciones_restantes: limite ? Number(limite.datos.restantes) : null,
    tiempo_minimo_requerido_horas: tiempo ? tiempo.valorRequerido : null,
    tiempo_actual_hasta_reserva_horas: Math.floor(horasEntre(ahora, reserva.fechaInicio)),
    reglas_evaluadas: evaluacion.veredictos.map(reglaEvaluada),
    ...(puede ? {} : { reglas_violadas: violadas, motivos }),
    reglas_no_aplicadas: evaluacion.noAplicadas.map((n) => ({ id: n.regla.id, nombre: n.regla.nombre, tipo_regla: n.regla.tipoRegla, razon: n.razon })),
    ...(disponibilidad ? { disponibilidad } : {}),
    ...sugerencias,
    costos_estimados: {
      costo_reprogramacion: costo.toFixed(2),
      aplica_descuento: false,
      total_estimado: reserva.total.add(costo).toFixed(2),
    },
    ...(puede ? {} : { alternativas_sugeridas: alternativasDe(reglas, config, reserva, actor.rol, ahora, zona, { listaEspera: disponibilidad?.lista_espera_disponible && nuevaFecha ? fechaLocal(nuevaFecha, zona) : null }) }),
  };
}

export function sinParametrosDesconocidos(params: URLSearchParams, permitidos: string[]) {
  const extra = [...params.keys()].filter((k) => !permitidos.includes(k));
  if (extra.length)
    throw new ErrorDominio(400, "DATOS_INVALIDOS", "La consulta contiene parámetros desconocidos.", {
      campos: Object.fromEntries(extra.map((k) => [k, "Parámetro no permitido"])),
    });
}
