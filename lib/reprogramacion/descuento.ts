// Discount arithmetic in Decimal, rounded half-up to cents: 5 % of 2400.00 = 120.00 → 2280.00.
import { Prisma } from "@/lib/generated/prisma/client";

export interface Descuento {
  porcentaje: number;
  monto: Prisma.Decimal;
  totalAnterior: Prisma.Decimal;
  totalNuevo: Prisma.Decimal;
}

export function calcularDescuento(total: Prisma.Decimal | string, porcentaje: number): Descuento {
  const totalAnterior = new Prisma.Decimal(total);
  const monto = totalAnterior.mul(porcentaje).div(100).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);
  return { porcentaje, monto, totalAnterior, totalNuevo: totalAnterior.sub(monto) };
}

/** The agency's reschedule fee applies when clients move their own reservation; staff moves are free. */
export function costoReprogramacion(tipo: "CLIENTE" | "OPERADOR_ASISTIDO" | "ADMINISTRATIVA", tarifa: Prisma.Decimal): Prisma.Decimal {
  return tipo === "CLIENTE" ? tarifa : new Prisma.Decimal(0);
}

/** Operators may grant up to this percentage; more needs an administrator. */
export const DESCUENTO_MAXIMO_OPERADOR = 50;
