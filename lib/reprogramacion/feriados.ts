// Bolivian national holidays ("public" in date-holidays), by local date "YYYY-MM-DD".
import Holidays from "date-holidays";

const calendario = new Holidays("BO");
const porAnio = new Map<number, Map<string, string>>();

export function feriadoNacional(fechaLocal: string): string | null {
  const anio = Number(fechaLocal.slice(0, 4));
  let feriados = porAnio.get(anio);
  if (!feriados) {
    feriados = new Map(
      calendario
        .getHolidays(anio)
        .filter((h) => h.type === "public")
        .map((h) => [h.date.slice(0, 10), h.name] as const),
    );
    porAnio.set(anio, feriados);
  }
  return feriados.get(fechaLocal) ?? null;
}
