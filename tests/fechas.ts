// Test dates relative to today in the agency's zone (shared by Vitest and Playwright specs).
import { feriadoNacional } from "../lib/reprogramacion/feriados";
const ZONA = "America/La_Paz";

/** A La Paz wall-clock time `dias` days from today, moved forward to the next working day (no weekend, no national holiday: the demo's blackout rule blocks both). */
export function diaHabil(dias: number, hora = 10, minuto = 0): Date {
  for (let extra = 0; ; extra++) {
    const fecha = aLaHora(dias + extra, hora, minuto);
    const dia = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: ZONA }).format(fecha);
    if (dia !== "Sat" && dia !== "Sun" && !feriadoNacional(diaLocal(fecha))) return fecha;
  }
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

