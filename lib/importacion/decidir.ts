// What one row of an import does to the reservation with its referencia (pure: the dry run and the
// worker decide with the same function). The agency's system is the source of the booking, so
// destination, money, services, holder and state follow the file; the date follows it too unless the
// reservation was rescheduled inside the product: then the product's date and history win, and the
// row is a conflict.
import { formatearFechaHora } from "@/lib/formato/fecha";
import { fechaLocal } from "@/lib/reprogramacion/calendario";
import { libres, type Ocupacion } from "@/lib/reprogramacion/disponibilidad";
import { cambiosDeReserva, type Cambios } from "@/lib/reservas/editar";
import type { ReservaCompleta } from "@/lib/reservas/serializar";
import type { FilaImportada } from "./csv";

export type ResultadoImportacion = "crear" | "actualizar" | "sin_cambios" | "conflicto" | "error";

export interface Decision {
  resultado: Exclude<ResultadoImportacion, "error">;
  /** The fields the row changes (applied also when the row is a conflict over its date). */
  cambios: Cambios;
  conflicto: string | null;
  /** The local day the row adds a booking to, and the one it frees a place on. */
  suma: string | null;
  resta: string | null;
}

// Reprogramada and pendiente are the product's own shades of a booking that stands.
const estadoComparable = (estado: string) => (estado === "REPROGRAMADA" || estado === "PENDIENTE" ? "CONFIRMADA" : estado);
const ocupa = (estado: string) => estado !== "CANCELADA";

export function decidirFila(fila: FilaImportada, existente: ReservaCompleta | null, zona: string): Decision {
  if (!existente) return { resultado: "crear", cambios: {}, conflicto: null, suma: ocupa(fila.estado) ? fechaLocal(fila.fechaInicio, zona) : null, resta: null };
  const cambios = cambiosDeReserva(existente, { destino: fila.destino, total: fila.total, moneda: fila.moneda, servicios: fila.servicios });
  if (existente.usuario.email.toLowerCase() !== fila.cliente.email.toLowerCase()) cambios.titular = { antes: existente.usuario.email, despues: fila.cliente.email };
  if (estadoComparable(existente.estado) !== fila.estado) cambios.estado = { antes: existente.estado, despues: fila.estado };
  let conflicto: string | null = null;
  let fecha = existente.fechaInicio;
  if (existente.fechaInicio.getTime() !== fila.fechaInicio.getTime()) {
    if (existente.fechaOriginal)
      conflicto = `La reserva #${existente.id} se reprogramó en el producto al ${formatearFechaHora(existente.fechaInicio, zona)}; se mantiene esa fecha y no la del archivo: el historial del producto manda.`;
    else {
      cambios.fecha_inicio = { antes: existente.fechaInicio.toISOString(), despues: fila.fechaInicio.toISOString() };
      fecha = fila.fechaInicio;
    }
  }
  const antes = ocupa(existente.estado) ? fechaLocal(existente.fechaInicio, zona) : null;
  const despues = ocupa(cambios.estado ? fila.estado : existente.estado) ? fechaLocal(fecha, zona) : null;
  const resultado = conflicto ? "conflicto" : Object.keys(cambios).length ? "actualizar" : "sin_cambios";
  return { resultado, cambios, conflicto, suma: despues !== antes ? despues : null, resta: despues !== antes ? antes : null };
}

/**
 * The warnings of rows that add bookings, in file order: a start beyond the agency's horizon, a
 * start already past, and a coming day the row pushes over its capacity (an import never refuses a booking
 * for capacity; that day then takes no reschedule in). `ocupacion` is before these rows.
 */
export function advertenciasDeFilas(filas: { fila: FilaImportada; decision: Decision }[], ocupacion: Ocupacion, limiteHorizonte: Date, ahora: Date, horizonteDias: number): string[][] {
  const ocupadas = new Map(ocupacion.ocupadas);
  return filas.map(({ fila, decision }) => {
    const advertencias: string[] = [];
    if (decision.resta) ocupadas.set(decision.resta, (ocupadas.get(decision.resta) ?? 1) - 1);
    if (!decision.suma) return advertencias;
    if (fila.fechaInicio > limiteHorizonte) advertencias.push(`La fecha está más allá del horizonte de ${horizonteDias} días de la agencia.`);
    // A trip already under way or done (history being brought in): its day's capacity no longer matters.
    if (fila.fechaInicio <= ahora) {
      if (fila.estado === "CONFIRMADA") advertencias.push("La fecha de inicio ya pasó.");
      return advertencias;
    }
    const n = (ocupadas.get(decision.suma) ?? 0) + 1;
    ocupadas.set(decision.suma, n);
    const { capacidad } = libres(ocupacion, decision.suma);
    if (n > capacidad) advertencias.push(`El ${decision.suma} queda con ${n} reserva${n === 1 ? "" : "s"} para ${capacidad} lugar${capacidad === 1 ? "" : "es"}: se importa igual, y ese día no admite reprogramaciones hacia él.`);
    return advertencias;
  });
}
