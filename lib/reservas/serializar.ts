// Reservation as the API shows it (seed 003 §1): snake_case, money as two-decimal strings, UTC ISO dates.
import type { z } from "zod";
import type { reservaSchema } from "@/lib/api/respuestas";
import type { Prisma } from "@/lib/generated/prisma/client";

export const INCLUIR_RESERVA = { servicios: { orderBy: { id: "asc" } }, usuario: true } satisfies Prisma.ReservaInclude;
export type ReservaCompleta = Prisma.ReservaGetPayload<{ include: typeof INCLUIR_RESERVA }>;

export function dinero(valor: Prisma.Decimal): string;
export function dinero(valor: Prisma.Decimal | null | undefined): string | null;
export function dinero(valor: Prisma.Decimal | null | undefined): string | null {
  return valor == null ? null : valor.toFixed(2);
}
export function iso(fecha: Date): string;
export function iso(fecha: Date | null | undefined): string | null;
export function iso(fecha: Date | null | undefined): string | null {
  return fecha ? fecha.toISOString() : null;
}

export function serializarReserva(reserva: ReservaCompleta): z.input<typeof reservaSchema> {
  return {
    id: reserva.id,
    usuario: reserva.usuarioId,
    cliente: {
      id: reserva.usuario.id,
      nombre: `${reserva.usuario.nombre} ${reserva.usuario.apellido}`,
      email: reserva.usuario.email,
    },
    referencia_externa: reserva.referenciaExterna,
    destino: reserva.destino,
    fecha_inicio: iso(reserva.fechaInicio),
    estado: reserva.estado,
    fecha_original: iso(reserva.fechaOriginal),
    fecha_reprogramacion: iso(reserva.fechaReprogramacion),
    motivo_reprogramacion: reserva.motivoReprogramacion,
    numero_reprogramaciones: reserva.numeroReprogramaciones,
    reprogramado_por: reserva.reprogramadoPorId,
    total: dinero(reserva.total),
    moneda: reserva.moneda,
    costo_reprogramacion: dinero(reserva.costoReprogramacion),
    servicios: reserva.servicios.map((s) => ({ id: s.id, tipo: s.tipo, descripcion: s.descripcion, precio: dinero(s.precio) })),
  };
}
export type ReservaSerializada = ReturnType<typeof serializarReserva>;
