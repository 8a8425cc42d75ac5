// Dates shown to people: always in the agency's time zone, with the zone named.
export const ZONA_POR_DEFECTO = "America/La_Paz";

export function zonaAgencia(): string {
  return process.env.AGENCIA_TZ || process.env.NEXT_PUBLIC_AGENCIA_TZ || ZONA_POR_DEFECTO;
}

// Building an Intl.DateTimeFormat costs far more than using one: one per style and zone.
const formatos = new Map<string, Intl.DateTimeFormat>();
function formato(estilo: "larga" | "corta", zona: string): Intl.DateTimeFormat {
  const clave = `${estilo} ${zona}`;
  let f = formatos.get(clave);
  if (!f) {
    const opciones: Intl.DateTimeFormatOptions =
      estilo === "larga" ? { dateStyle: "full", timeStyle: "short" } : { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" };
    f = new Intl.DateTimeFormat("es-BO", { ...opciones, timeZone: zona, hourCycle: "h23" });
    formatos.set(clave, f);
  }
  return f;
}

/** "lunes, 30 de noviembre de 2026, 10:00 (hora de America/La_Paz)" */
export function formatearFechaHora(fecha: Date | string, zona = zonaAgencia()): string {
  return `${formato("larga", zona).format(new Date(fecha))} (hora de ${zona})`;
}

/** "30/11/2026 10:00" in the agency's zone, for dense tables (the zone goes in the column header). */
export function formatearFechaCorta(fecha: Date | string, zona = zonaAgencia()): string {
  return formato("corta", zona).format(new Date(fecha));
}
