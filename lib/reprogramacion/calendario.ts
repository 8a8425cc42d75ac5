// Calendar arithmetic in the agency's time zone. Pure: every function takes the zone explicitly.
import { TZDate } from "@date-fns/tz";

export const DIAS_SEMANA = ["DOMINGO", "LUNES", "MARTES", "MIERCOLES", "JUEVES", "VIERNES", "SABADO"] as const;
export type DiaSemana = (typeof DIAS_SEMANA)[number];

export function diaSemana(fecha: Date, zona: string): DiaSemana {
  return DIAS_SEMANA[new TZDate(fecha, zona).getDay()];
}

/** The local calendar date, "YYYY-MM-DD". */
export function fechaLocal(fecha: Date, zona: string): string {
  const local = new TZDate(fecha, zona);
  const mm = String(local.getMonth() + 1).padStart(2, "0");
  const dd = String(local.getDate()).padStart(2, "0");
  return `${local.getFullYear()}-${mm}-${dd}`;
}

/** The same local wall-clock time, `dias` calendar days later (or earlier), whatever the offsets. */
export function desplazarDias(fecha: Date, dias: number, zona: string): Date {
  const local = new TZDate(fecha, zona);
  const movida = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate() + dias,
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
    local.getMilliseconds(),
    zona,
  );
  return new Date(movida.getTime());
}

/** A local wall-clock time `dias` days from `desde`'s local date. */
export function aLaHoraLocal(desde: Date, dias: number, hora: number, minuto: number, zona: string): Date {
  const local = new TZDate(desde, zona);
  const resultado = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + dias, hora, minuto, 0, 0, zona);
  return new Date(resultado.getTime());
}

/** UTC bounds [inicio, fin) of the local calendar day that contains `fecha`. */
export function limitesDelDia(fecha: Date, zona: string): { inicio: Date; fin: Date } {
  return { inicio: aLaHoraLocal(fecha, 0, 0, 0, zona), fin: aLaHoraLocal(fecha, 1, 0, 0, zona) };
}

export const HORA_MS = 3_600_000;
export function horasEntre(desde: Date, hasta: Date): number {
  return (hasta.getTime() - desde.getTime()) / HORA_MS;
}

/** A local wall-clock time on a local date "YYYY-MM-DD" (hour 24 is the next midnight). */
export function enFechaLocal(dia: string, hora: number, minuto: number, zona: string): Date {
  const [anio, mes, d] = dia.split("-").map(Number);
  return new Date(new TZDate(anio, mes - 1, d, hora, minuto, 0, 0, zona).getTime());
}

/** The local wall-clock hour and minute of an instant. */
export function horaLocal(fecha: Date, zona: string): { hora: number; minuto: number } {
  const local = new TZDate(fecha, zona);
  return { hora: local.getHours(), minuto: local.getMinutes() };
}

/** A local date `dias` calendar days after "YYYY-MM-DD" (pure date arithmetic, no zone). */
export function sumarDias(dia: string, dias: number): string {
  return new Date(Date.parse(`${dia}T00:00:00Z`) + dias * 86_400_000).toISOString().slice(0, 10);
}

/** The same local wall-clock time as `fecha`, on local date `dia`: a move to a day that keeps the hour. */
export function mismaHoraEnDia(dia: string, fecha: Date, zona: string): Date {
  const { hora, minuto } = horaLocal(fecha, zona);
  return enFechaLocal(dia, hora, minuto, zona);
}

/** A local date "YYYY-MM-DD" as Prisma reads and writes a DATE column (midnight UTC), and back. */
export const columnaDeDia = (dia: string) => new Date(`${dia}T00:00:00Z`);
export const diaDeColumna = (columna: Date) => columna.toISOString().slice(0, 10);
