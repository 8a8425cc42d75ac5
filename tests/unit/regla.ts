import type { Regla } from "@/lib/reprogramacion/reglas";

let siguienteId = 1;

/** A rule for pure tests: active, for everyone, priority 10, unless told otherwise. */
export function regla(parcial: Partial<Regla> & Pick<Regla, "tipoRegla">): Regla {
  return {
    id: siguienteId++,
    nombre: parcial.tipoRegla,
    aplicableA: "TODOS",
    valorNumerico: null,
    valorTexto: null,
    activa: true,
    prioridad: 10,
    mensajeError: "mensaje",
    fechaInicioVigencia: null,
    fechaFinVigencia: null,
    condicionesExtras: {},
    ...parcial,
  };
}
