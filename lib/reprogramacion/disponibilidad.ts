// Capacity per local day and the search for nearby bookable dates. The search is pure: it receives
// the occupancy already loaded and a predicate that applies the rules to a candidate date.
import { desplazarDias, fechaLocal } from "./calendario";

export interface Ocupacion {
  capacidadPorDefecto: number;
  capacidades: Map<string, number>;
  ocupadas: Map<string, number>;
  /** Places the waiting list holds per day: open offers, and freed places that go to the line first. */
  apartadas?: Map<string, number>;
  /** People in each day's waiting list (waiting or holding an offer). */
  enLista?: Map<string, number>;
}

export function libres(ocupacion: Ocupacion, dia: string) {
  const capacidad = ocupacion.capacidades.get(dia) ?? ocupacion.capacidadPorDefecto;
  const ocupadas = ocupacion.ocupadas.get(dia) ?? 0;
  const apartadas = ocupacion.apartadas?.get(dia) ?? 0;
  return { capacidad, ocupadas, apartadas, en_lista_espera: ocupacion.enLista?.get(dia) ?? 0, libres: Math.max(capacidad - ocupadas - apartadas, 0) };
}

export function nivelDisponibilidad(espacios: number, capacidad: number): "ALTA" | "MEDIA" | "BAJA" {
  if (capacidad <= 0) return "BAJA";
  const proporcion = espacios / capacidad;
  return proporcion >= 0.5 ? "ALTA" : proporcion >= 0.2 ? "MEDIA" : "BAJA";
}

export interface Alternativa {
  fecha: Date;
  dia: string;
  espacios_libres: number;
  capacidad: number;
}

/**
 * The nearest bookable dates at the same local time: up to `antes` earlier and `despues` later,
 * looking at most `ventanaDias` days each way. `permitida` applies the rules to a candidate.
 */
export function buscarAlternativas(
  base: Date,
  zona: string,
  ocupacion: Ocupacion,
  permitida: (fecha: Date) => boolean,
  { antes = 1, despues = 2, ventanaDias = 21 } = {},
): Alternativa[] {
  const encontrar = (signo: 1 | -1, cuantas: number) => {
    const halladas: Alternativa[] = [];
    for (let d = 1; d <= ventanaDias && halladas.length < cuantas; d++) {
      const fecha = desplazarDias(base, signo * d, zona);
      const dia = fechaLocal(fecha, zona);
      const { libres: espacios, capacidad } = libres(ocupacion, dia);
      if (espacios > 0 && permitida(fecha)) halladas.push({ fecha, dia, espacios_libres: espacios, capacidad });
    }
    return halladas;
  };
  return [...encontrar(-1, antes).reverse(), ...encontrar(1, despues)];
}
