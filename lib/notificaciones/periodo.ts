// Date range filters for the notification list and the metrics: a full ISO instant, or a calendar
// day (YYYY-MM-DD) read in the agency's zone — `hasta` as a day includes that whole day.
import { z } from "zod";
import { zonaAgencia } from "@/lib/formato/fecha";
import { limitesDelDia } from "@/lib/reprogramacion/calendario";
import { diaIso, fechaIso } from "@/lib/validacion";

const DIA = /^\d{4}-\d{2}-\d{2}$/;

export const parametroFecha = z.union([fechaIso("Indique la fecha"), diaIso()], { error: "Use una fecha ISO 8601 (AAAA-MM-DD o fecha y hora con zona) entre los años 2000 y 2100" });

function diaLocal(texto: string): { inicio: Date; fin: Date } {
  // Noon UTC of that date falls on the same calendar day in every American zone.
  return limitesDelDia(new Date(`${texto}T12:00:00Z`), zonaAgencia());
}

export const inicioDe = (texto: string) => (DIA.test(texto) ? diaLocal(texto).inicio : new Date(texto));
/** Exclusive upper bound: the next day's start, or just after the given instant. */
export const finDe = (texto: string) => (DIA.test(texto) ? diaLocal(texto).fin : new Date(new Date(texto).getTime() + 1));
