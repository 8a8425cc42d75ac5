// Pure rule evaluation: (reservation, actor, requested date, rules, clock, zone) → verdicts.
// No database and no clock of its own, so every rule is unit-testable, time-zone edges included.
import type { AplicableA, NivelCliente, Rol, TipoRegla } from "@/lib/generated/prisma/enums";
import { diaSemana, fechaLocal, horasEntre, HORA_MS } from "./calendario";

export interface Regla {
  id: number;
  nombre: string;
  tipoRegla: TipoRegla;
  aplicableA: AplicableA;
  valorNumerico: number | null;
  valorTexto: string | null;
  activa: boolean;
  prioridad: number;
  mensajeError: string;
  fechaInicioVigencia: Date | null;
  fechaFinVigencia: Date | null;
  condicionesExtras: unknown;
}

export interface ContextoReglas {
  fechaActual: Date;
  numeroReprogramaciones: number;
  nivelCliente: NivelCliente | null;
  rolActor: Rol;
  /** Absent when only asking whether the reservation can be moved at all. */
  nuevaFecha: Date | null;
  ahora: Date;
  zona: string;
  feriadoNacional: (fechaLocal: string) => string | null;
}

/** The rule types that can refuse a reschedule; the others are policies (lib/politicas). */
export type TipoRestriccion = "TIEMPO_MINIMO" | "LIMITE_REPROGRAMACIONES" | "DIA_BLACKOUT";
export type Restriccion = Regla & { tipoRegla: TipoRestriccion };

export interface Veredicto {
  regla: Restriccion;
  cumple: boolean;
  detalle: string;
  valorActual: number | string | null;
  valorRequerido: number | string | null;
  /** Rule-specific context for error bodies and the check endpoint. */
  datos: Record<string, unknown>;
}

export interface Evaluacion {
  veredictos: Veredicto[];
  violadas: Veredicto[];
  omitidas: Veredicto[];
  noAplicadas: { regla: Regla; razon: string }[];
}

const NIVELES: NivelCliente[] = ["BRONZE", "SILVER", "GOLD", "PLATINUM"];
export const ORDEN_TIPOS: TipoRestriccion[] = ["TIEMPO_MINIMO", "LIMITE_REPROGRAMACIONES", "DIA_BLACKOUT"];

function condiciones(regla: Regla): Record<string, unknown> {
  const c = regla.condicionesExtras;
  return c && typeof c === "object" && !Array.isArray(c) ? (c as Record<string, unknown>) : {};
}

/** Why a rule does not apply to this context, or null when it does. */
export function motivoNoAplica(regla: Regla, ctx: ContextoReglas): string | null {
  if (!regla.activa) return "Regla inactiva";
  if (regla.fechaInicioVigencia && ctx.ahora < regla.fechaInicioVigencia) return "Aún no está vigente";
  if (regla.fechaFinVigencia && ctx.ahora > regla.fechaFinVigencia) return "Vigencia terminada";
  if (regla.aplicableA !== "TODOS" && regla.aplicableA !== ctx.rolActor) return `Solo aplica a ${regla.aplicableA}`;
  const c = condiciones(regla);
  const nivelMinimo = typeof c.nivel_minimo === "string" ? (c.nivel_minimo as NivelCliente) : null;
  if (c.solo_clientes_vip === true || nivelMinimo) {
    const requerido = NIVELES.indexOf(nivelMinimo ?? "SILVER");
    const nivel = ctx.nivelCliente ? NIVELES.indexOf(ctx.nivelCliente) : -1;
    if (nivel < requerido) return `Solo para clientes de nivel ${nivelMinimo ?? "VIP"} o superior`;
  }
  return null;
}

/** Per rule type, the applicable rule with the highest priority (lowest number; ties: lowest id). */
export function reglasDecisivas(reglas: Regla[], ctx: ContextoReglas) {
  const decisivas = new Map<TipoRegla, Regla>();
  const noAplicadas: { regla: Regla; razon: string }[] = [];
  const ordenadas = [...reglas].sort((a, b) => a.prioridad - b.prioridad || a.id - b.id);
  for (const regla of ordenadas) {
    const motivo = motivoNoAplica(regla, ctx);
    if (motivo) noAplicadas.push({ regla, razon: motivo });
    else if (decisivas.has(regla.tipoRegla))
      noAplicadas.push({ regla, razon: `Prevalece "${decisivas.get(regla.tipoRegla)!.nombre}" (mayor prioridad)` });
    else decisivas.set(regla.tipoRegla, regla);
  }
  return { decisivas, noAplicadas };
}

const redondear = (horas: number) => Math.round(horas * 10) / 10;

export function evaluarTiempoMinimo(regla: Restriccion, ctx: ContextoReglas): Veredicto {
  const requeridas = regla.valorNumerico ?? 0;
  const hastaActual = horasEntre(ctx.ahora, ctx.fechaActual);
  const hastaNueva = ctx.nuevaFecha ? horasEntre(ctx.ahora, ctx.nuevaFecha) : Infinity;
  // Notice is needed both before the current start and before the new one; the tighter one binds.
  const limitante = Math.min(hastaActual, hastaNueva);
  const cumple = limitante >= requeridas;
  const porNuevaFecha = hastaNueva < hastaActual;
  const restantes = redondear(Math.max(limitante, 0));
  const detalle = cumple
    ? `${Math.floor(hastaActual)} horas de anticipación (requerido: ${requeridas})`
    : porNuevaFecha
      ? `La nueva fecha está a ${restantes} horas, se requieren ${requeridas}`
      : `Solo faltan ${restantes} horas, se requieren ${requeridas}`;
  return {
    regla,
    cumple,
    detalle,
    valorActual: Math.floor(hastaActual),
    valorRequerido: requeridas,
    datos: {
      tiempo_restante_horas: restantes,
      tiempo_requerido_horas: requeridas,
      diferencia_horas: redondear(limitante - requeridas),
      fecha_limite_reprogramacion: new Date(ctx.fechaActual.getTime() - requeridas * HORA_MS).toISOString(),
      fecha_minima_permitida: new Date(ctx.ahora.getTime() + requeridas * HORA_MS).toISOString(),
      causa: porNuevaFecha ? "NUEVA_FECHA" : "FECHA_ACTUAL",
    },
  };
}

export function evaluarLimite(regla: Restriccion, ctx: ContextoReglas): Veredicto {
  const limite = regla.valorNumerico ?? 0;
  const usadas = ctx.numeroReprogramaciones;
  const cumple = usadas < limite;
  return {
    regla,
    cumple,
    detalle: cumple ? `Ha usado ${usadas} de ${limite} reprogramaciones permitidas` : "Ha alcanzado el límite máximo",
    valorActual: usadas,
    valorRequerido: limite,
    datos: { reprogramaciones_actuales: usadas, limite_maximo: limite, restantes: Math.max(limite - usadas, 0) },
  };
}

/** The weekdays (and FERIADOS) a blackout rule lists, normalised: "miércoles" → "MIERCOLES". */
export function diasBloqueados(valorTexto: string | null): string[] {
  return (valorTexto ?? "")
    .split(",")
    .map((d) => d.trim().toUpperCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""))
    .filter(Boolean);
}

/** The local holidays ("YYYY-MM-DD") a blackout rule lists in condiciones_extras. */
export function feriadosLocales(regla: Regla): string[] {
  const c = condiciones(regla);
  return Array.isArray(c.incluir_feriados_locales) ? c.incluir_feriados_locales.map(String) : [];
}

/** Why a local date is blocked by a blackout rule, or null. */
export function motivoBloqueo(regla: Regla, fecha: Date, ctx: Pick<ContextoReglas, "zona" | "feriadoNacional">): string | null {
  const dias = diasBloqueados(regla.valorTexto);
  const dia = diaSemana(fecha, ctx.zona);
  if (dias.includes(dia)) return dia;
  if (dias.includes("FERIADOS")) {
    const local = fechaLocal(fecha, ctx.zona);
    if (feriadosLocales(regla).includes(local)) return "FERIADO";
    if (condiciones(regla).excluir_feriados_nacionales !== false && ctx.feriadoNacional(local)) return "FERIADO";
  }
  return null;
}

export function evaluarBlackout(regla: Restriccion, ctx: ContextoReglas): Veredicto {
  const fecha = ctx.nuevaFecha ?? ctx.fechaActual;
  const motivo = motivoBloqueo(regla, fecha, ctx);
  const dia = diaSemana(fecha, ctx.zona);
  const feriado = ctx.feriadoNacional(fechaLocal(fecha, ctx.zona));
  const dias = diasBloqueados(regla.valorTexto);
  const datos = { dia_semana: dia, dias_no_permitidos: dias, ...(motivo === "FERIADO" ? { feriado: feriado ?? "Feriado local" } : {}) };
  if (!ctx.nuevaFecha) {
    // Without a requested date only the current one is known: informative, never blocking.
    return {
      regla,
      cumple: true,
      detalle: motivo ? `La fecha actual cae en ${motivo === "FERIADO" ? "feriado" : dia}; elija un día permitido` : "Fecha actual es día laborable",
      valorActual: dia,
      valorRequerido: dias.join(","),
      datos: { dia_actual: dia, dias_no_permitidos: dias },
    };
  }
  return {
    regla,
    cumple: motivo === null,
    detalle: motivo === null ? `${dia} es un día permitido` : motivo === "FERIADO" ? `${fechaLocal(fecha, ctx.zona)} es feriado` : `${dia} no está permitido`,
    valorActual: dia,
    valorRequerido: dias.join(","),
    datos,
  };
}

const EVALUADORES: Record<TipoRestriccion, (regla: Restriccion, ctx: ContextoReglas) => Veredicto> = {
  TIEMPO_MINIMO: evaluarTiempoMinimo,
  LIMITE_REPROGRAMACIONES: evaluarLimite,
  DIA_BLACKOUT: evaluarBlackout,
};

/** Evaluates the decisive rule of each type; bypassed types are evaluated and reported, never blocking. */
export function evaluarReglas(reglas: Regla[], ctx: ContextoReglas, bypass: readonly TipoRegla[] = []): Evaluacion {
  const { decisivas, noAplicadas } = reglasDecisivas(reglas, ctx);
  const veredictos = ORDEN_TIPOS.filter((t) => decisivas.has(t)).map((t) => EVALUADORES[t](decisivas.get(t)! as Restriccion, ctx));
  return {
    veredictos,
    violadas: veredictos.filter((v) => !v.cumple && !bypass.includes(v.regla.tipoRegla)),
    omitidas: veredictos.filter((v) => bypass.includes(v.regla.tipoRegla)),
    noAplicadas,
  };
}

