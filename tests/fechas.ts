// Test dates relative to today in the agency's zone (shared by Vitest and Playwright specs).
import { feriadoNacional } from "../lib/reprogramacion/feriados";
const ZONA = "America/La_Paz";

const laborable = (fecha: Date) => {
  const dia = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: ZONA }).format(fecha);
  return dia !== "Sat" && dia !== "Sun" && !feriadoNacional(diaLocal(fecha));
};

/** Offsets (days from today) of the coming working days, cached for today's date. */
let laborables: { hoy: string; offsets: number[] } = { hoy: "", offsets: [] };
function offsetLaborable(indice: number): number {
  const hoy = diaLocal(aLaHora(0, 12));
  if (laborables.hoy !== hoy) laborables = { hoy, offsets: [] };
  for (let d = (laborables.offsets.at(-1) ?? 0) + 1; laborables.offsets.length <= indice; d++) if (laborable(aLaHora(d, 12))) laborables.offsets.push(d);
  return laborables.offsets[indice];
}

/**
 * A La Paz wall-clock time on a working day (no weekend, no national holiday: the demo's blackout
 * rule blocks both) about `dias` calendar days from today. It counts working days (5 of every 7), so
 * two calls whose `dias` differ by 2 or more never land on the same date, whatever today is.
 */
export function diaHabil(dias: number, hora = 10, minuto = 0): Date {
  return aLaHora(offsetLaborable(Math.max(Math.round((dias * 5) / 7) - 1, 0)), hora, minuto);
}

export function proximoDomingo(desdeDias: number, hora = 10): Date {
  for (let extra = 0; ; extra++) {
    const fecha = aLaHora(desdeDias + extra, hora, 0);
    if (new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: ZONA }).format(fecha) === "Sun") return fecha;
  }
}

/** La Paz is UTC-4 all year (no DST), which keeps this helper simple. */
export function aLaHora(dias: number, hora: number, minuto = 0): Date {
  const hoyLaPaz = new Date(Date.now() - 4 * 3_600_000);
  const fecha = Date.UTC(hoyLaPaz.getUTCFullYear(), hoyLaPaz.getUTCMonth(), hoyLaPaz.getUTCDate() + dias, hora + 4, minuto);
  return new Date(fecha);
}

export const diaLocal = (fecha: Date) => new Date(fecha.getTime() - 4 * 3_600_000).toISOString().slice(0, 10);

