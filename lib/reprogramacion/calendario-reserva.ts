// GET /api/reservas/{id}/calendario/: for every local day of a range, whether this reservation can
// move there (at its current local time) and, if not, why. One pass: the reservation, the rules,
// the settings and the occupancy of the whole range are loaded once (a fixed handful of queries
// for 60 days), then `evaluarDias` applies the same pure rules as a reschedule to each day.
import { z } from "zod";
import type { codigoMotivoSchema, motivoDiaSchema } from "@/lib/api/respuestas";
import type { Actor } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { zonaAgencia } from "@/lib/formato/fecha";
import { diaIso, errorDeValidacion } from "@/lib/validacion";
import { diaSemana, enFechaLocal, fechaLocal, horaLocal, sumarDias, type DiaSemana } from "./calendario";
import { cargarOcupacionEntre } from "./datos";
import { vigentes } from "./vigentes";
import { libres, nivelDisponibilidad, type Ocupacion } from "./disponibilidad";
import { feriadoNacional as feriadoDeBolivia } from "./feriados";
import { evaluarReglas, feriadosLocales, type ContextoReglas, type Regla } from "./reglas";
import { contextoReglas, problemasDeFecha, reservaDelActor, type Reloj } from "./reprogramar";

export const DIAS_POR_DEFECTO = 60;
export const DIAS_MAXIMOS = 92;
/** Few enough free places to tell the client ("quedan 2"). */
export const POCOS_LUGARES = 3;

export const consultaCalendarioSchema = z
  .object({
    desde: diaIso("Use desde=AAAA-MM-DD").optional(),
    hasta: diaIso("Use hasta=AAAA-MM-DD").optional(),
  })
  .strict();

// The API document's schemas (lib/api/respuestas.ts) are the source of these shapes.
export type CodigoMotivo = z.infer<typeof codigoMotivoSchema>;
export type MotivoDia = z.infer<typeof motivoDiaSchema>;

export interface DiaCalendario {
  /** Local date, "YYYY-MM-DD". */
  fecha: string;
  /** The candidate start: this day at the reservation's local time, in UTC. */
  fecha_hora: string;
  dia_semana: DiaSemana;
  permitido: boolean;
  motivos: MotivoDia[];
  /** Holiday name (national, or "Feriado local"), whether or not a rule blocks it. */
  feriado: string | null;
  espacios_libres: number;
  capacidad: number;
  disponibilidad: "ALTA" | "MEDIA" | "BAJA" | "SIN_LUGARES";
  quedan_pocos: boolean;
  /** Full but otherwise allowed: the reservation can join the day's waiting list (`personas` are in it). */
  lista_espera: { disponible: boolean; personas: number };
}

export interface EntradaDias {
  reserva: { estado: string; fechaInicio: Date };
  /** Context for the rules, without the requested date (each day supplies its own). */
  contexto: Omit<ContextoReglas, "nuevaFecha">;
  reglas: Regla[];
  ocupacion: Ocupacion;
  horizonteDias: number;
  /** Local days to evaluate, "YYYY-MM-DD", in order. */
  dias: string[];
  /** The reservation's local wall-clock time, kept on every candidate day. */
  hora: number;
  minuto: number;
  feriadosLocales?: string[];
}

const NOMBRE_DIA: Record<DiaSemana, string> = {
  DOMINGO: "Domingo",
  LUNES: "Lunes",
  MARTES: "Martes",
  MIERCOLES: "Miércoles",
  JUEVES: "Jueves",
  VIERNES: "Viernes",
  SABADO: "Sábado",
};

const CODIGO_PROBLEMA: Record<string, CodigoMotivo> = {
  RESERVA_NO_REPROGRAMABLE: "RESERVA_NO_REPROGRAMABLE",
  FECHA_EN_PASADO: "FECHA_EN_PASADO",
  MISMA_FECHA: "FECHA_ACTUAL",
  FECHA_FUERA_DE_HORIZONTE: "FECHA_FUERA_DE_HORIZONTE",
};

/** Pure: every day's verdict from already-loaded rules and occupancy. */
export function evaluarDias(e: EntradaDias): DiaCalendario[] {
  const { zona } = e.contexto;
  return e.dias.map((dia) => {
    const fecha = enFechaLocal(dia, e.hora, e.minuto, zona);
    const motivos: MotivoDia[] = problemasDeFecha(e.reserva, fecha, e.contexto.ahora, e.horizonteDias).map((p) => ({
      codigo: CODIGO_PROBLEMA[p.errorCode] ?? "FECHA_EN_PASADO",
      mensaje: p.errorCode === "MISMA_FECHA" ? "Es la fecha actual de la reserva" : p.detail,
    }));
    const feriado = e.contexto.feriadoNacional(dia) ?? (e.feriadosLocales?.includes(dia) ? "Feriado local" : null);
    for (const v of evaluarReglas(e.reglas, { ...e.contexto, nuevaFecha: fecha }).violadas) {
      const regla = { id: v.regla.id, nombre: v.regla.nombre };
      if (v.regla.tipoRegla === "DIA_BLACKOUT" && v.datos.feriado)
        motivos.push({ codigo: "FERIADO", mensaje: `Feriado: ${String(v.datos.feriado)}. ${v.regla.mensajeError}`, regla });
      else if (v.regla.tipoRegla === "DIA_BLACKOUT")
        motivos.push({ codigo: "DIA_BLACKOUT", mensaje: `${NOMBRE_DIA[v.datos.dia_semana as DiaSemana]}: ${v.regla.mensajeError}`, regla });
      else motivos.push({ codigo: v.regla.tipoRegla, mensaje: `${v.regla.mensajeError} (${v.detalle.charAt(0).toLowerCase()}${v.detalle.slice(1)})`, regla });
    }
    const cupo = libres(e.ocupacion, dia);
    const enLista = cupo.en_lista_espera ? ` y ${cupo.en_lista_espera} ${cupo.en_lista_espera === 1 ? "persona" : "personas"} en lista de espera` : "";
    if (cupo.libres <= 0) motivos.push({ codigo: "SIN_CAPACIDAD", mensaje: `Sin lugares: ${Math.min(cupo.ocupadas, cupo.capacidad)} de ${cupo.capacidad} ocupados${enLista}` });
    return {
      fecha: dia,
      fecha_hora: fecha.toISOString(),
      dia_semana: diaSemana(fecha, zona),
      permitido: motivos.length === 0,
      motivos,
      feriado,
      espacios_libres: cupo.libres,
      capacidad: cupo.capacidad,
      disponibilidad: cupo.libres <= 0 ? "SIN_LUGARES" : nivelDisponibilidad(cupo.libres, cupo.capacidad),
      quedan_pocos: cupo.libres > 0 && cupo.libres <= POCOS_LUGARES,
      lista_espera: { disponible: motivos.length > 0 && motivos.every((m) => m.codigo === "SIN_CAPACIDAD"), personas: cupo.en_lista_espera },
    };
  });
}

/** Local dates from `desde` to `hasta`, both included. */
export function diasEntre(desde: string, hasta: string): string[] {
  const dias: string[] = [];
  for (let dia = desde; dia <= hasta; dia = sumarDias(dia, 1)) dias.push(dia);
  return dias;
}

function rango(consulta: z.infer<typeof consultaCalendarioSchema>, ahora: Date, zona: string) {
  const desde = consulta.desde ?? fechaLocal(ahora, zona);
  const hasta = consulta.hasta ?? sumarDias(desde, DIAS_POR_DEFECTO - 1);
  if (hasta < desde)
    throw new ErrorDominio(400, "RANGO_INVALIDO", "La fecha 'hasta' debe ser igual o posterior a 'desde'.", { campos: { hasta: "Debe ser igual o posterior a desde" } });
  if (hasta > sumarDias(desde, DIAS_MAXIMOS - 1))
    throw new ErrorDominio(400, "RANGO_DEMASIADO_AMPLIO", `Consulte como máximo ${DIAS_MAXIMOS} días por vez.`, { campos: { hasta: `Como máximo ${DIAS_MAXIMOS} días después de desde` } });
  return { desde, hasta, dias: diasEntre(desde, hasta) };
}

function feriadosLocalesDe(reglas: Regla[]): string[] {
  return reglas.flatMap((r) => (r.activa && r.tipoRegla === "DIA_BLACKOUT" ? feriadosLocales(r) : []));
}

export function parsearConsultaCalendario(params: URLSearchParams) {
  const parsed = consultaCalendarioSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw errorDeValidacion(parsed.error, "Los parámetros del calendario no son válidos.");
  return parsed.data;
}

export async function calendarioDeReserva(db: Db, actor: Actor, reservaId: number, consulta: z.infer<typeof consultaCalendarioSchema> = {}, reloj: Reloj = {}) {
  const ahora = reloj.ahora ?? new Date();
  const zona = reloj.zona ?? zonaAgencia();
  const { desde, hasta, dias } = rango(consulta, ahora, zona);
  const [reserva, { reglas, config }] = await Promise.all([reservaDelActor(db, actor, reservaId), vigentes(db)]);
  const ocupacion = await cargarOcupacionEntre(db, enFechaLocal(desde, 0, 0, zona), enFechaLocal(hasta, 24, 0, zona), zona, config.capacidadDiariaPorDefecto, reserva.id);
  const local = horaLocal(reserva.fechaInicio, zona);
  const contexto = contextoReglas(reserva, actor.rol, null, ahora, zona, feriadoDeBolivia);
  const evaluados = evaluarDias({
    reserva,
    contexto,
    reglas,
    ocupacion,
    horizonteDias: config.horizonteReservaDias,
    dias,
    hora: local.hora,
    minuto: local.minuto,
    feriadosLocales: feriadosLocalesDe(reglas),
  });
  return {
    reserva_id: reserva.id,
    zona,
    hora_local: `${String(local.hora).padStart(2, "0")}:${String(local.minuto).padStart(2, "0")}`,
    fecha_actual: reserva.fechaInicio.toISOString(),
    desde,
    hasta,
    dias_permitidos: evaluados.filter((d) => d.permitido).length,
    dias: evaluados,
  };
}
export type CalendarioReserva = Awaited<ReturnType<typeof calendarioDeReserva>>;
