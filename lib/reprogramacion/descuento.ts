// Discount arithmetic in Decimal, rounded half-up to cents: 5 % of 2400.00 = 120.00 → 2280.00.
// The browser entry: the same Decimal class, so forms preview exactly what the server will compute.
import { Prisma } from "@/lib/generated/prisma/browser";

const Decimal = Prisma.Decimal;
type Decimal = InstanceType<typeof Prisma.Decimal>;

export interface Descuento {
  porcentaje: number;
  monto: Decimal;
  totalAnterior: Decimal;
  totalNuevo: Decimal;
}

export function calcularDescuento(total: Decimal | string, porcentaje: number): Descuento {
  const totalAnterior = new Decimal(total);
  const monto = totalAnterior.mul(porcentaje).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return { porcentaje, monto, totalAnterior, totalNuevo: totalAnterior.sub(monto) };
}

/** Operators may grant up to this percentage; more needs an administrator. */
export const DESCUENTO_MAXIMO_OPERADOR = 50;

/** Seed 003 §9's warning, shown by the form before anything is sent. */
export const MENSAJE_DESCUENTO_EXCESIVO = `Descuento superior al ${DESCUENTO_MAXIMO_OPERADOR}% requiere aprobación especial`;
