// Dates shown to people: always in the agency's time zone, with the zone named.
export const ZONA_POR_DEFECTO = "America/La_Paz";

export function zonaAgencia(): string {
  return process.env.AGENCIA_TZ || process.env.NEXT_PUBLIC_AGENCIA_TZ || ZONA_POR_DEFECTO;
}

/** "lunes, 30 de noviembre de 2026, 10:00 (hora de America/La_Paz)" */
export function formatearFechaHora(fecha: Date | string, zona = zonaAgencia()): string {
  const texto = new Intl.DateTimeFormat("es-BO", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: zona,
    hourCycle: "h23",
  }).format(new Date(fecha));
  return `${texto} (hora de ${zona})`;
}

/** "30/11/2026 10:00" in the agency's zone, for dense tables (the zone goes in the column header). */
export function formatearFechaCorta(fecha: Date | string, zona = zonaAgencia()): string {
  return new Intl.DateTimeFormat("es-BO", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: zona,
    hourCycle: "h23",
  }).format(new Date(fecha));
}
