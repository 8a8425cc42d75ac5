// The agency's policies for leaving or changing a booking, kept as rules (tipo POLITICA_CANCELACION,
// COSTO_REPROGRAMACION, TRANSFERENCIA) so applicability, validity and priority work as for the
// others. Pure: (policy, reservation, clock, zone) → figures; the browser previews with the same code.
// A tier applies while the hours left before the start are at least its `desde_horas`.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/browser";
import { formatearFechaCorta } from "@/lib/formato/fecha";
import { montoDecimal } from "@/lib/validacion";

const Decimal = Prisma.Decimal;
type Decimal = InstanceType<typeof Prisma.Decimal>;
const HORA_MS = 3_600_000;

const horas = z.number({ error: "Indique las horas (entero)" }).int("Debe ser un entero").min(0, "Mínimo 0").max(8760, "Como máximo 8760 (un año)");
const porcentaje = z.number({ error: "Indique el porcentaje (0 a 100)" }).int("Debe ser un entero").min(0, "Mínimo 0 %").max(100, "Máximo 100 %");

/** Tiers by notice: no two with the same hours (windows never overlap), highest first once read. */
const tramos = <T extends z.ZodObject>(tramo: T) =>
  z
    .array(tramo, { error: "Indique los tramos" })
    .min(1, "Indique al menos un tramo")
    .max(10, "Como máximo 10 tramos")
    .superRefine((xs, ctx) => {
      const vistos = new Set<number>();
      xs.forEach((t, i) => {
        const h = (t as { desde_horas: number }).desde_horas;
        if (vistos.has(h)) ctx.addIssue({ code: "custom", path: [i, "desde_horas"], message: `Ya hay un tramo desde ${h} horas: los tramos no pueden superponerse` });
        vistos.add(h);
      });
    });

export const politicaCancelacionSchema = z
  .object({
    tramos: tramos(z.object({ desde_horas: horas, porcentaje }).strict()),
    costo_fijo: montoDecimal.optional().meta({ description: "Cargo fijo descontado del reembolso" }),
  })
  .strict();

export const costoReprogramacionSchema = z
  .object({
    tramos: tramos(
      z
        .object({ desde_horas: horas, monto: montoDecimal.optional(), porcentaje: porcentaje.optional() })
        .strict()
        .refine((t) => (t.monto === undefined) !== (t.porcentaje === undefined), { message: "Indique un monto o un porcentaje del total (uno de los dos)", path: ["monto"] }),
    ),
  })
  .strict();

export const transferenciaSchema = z
  .object({
    permitida: z.boolean({ error: "Indique si se permite" }),
    costo: montoDecimal.default("0.00"),
    hasta_horas: horas.default(0).meta({ description: "Hasta cuántas horas antes del inicio se puede transferir" }),
  })
  .strict();

export type PoliticaCancelacion = z.infer<typeof politicaCancelacionSchema>;
export type PoliticaCostoReprogramacion = z.infer<typeof costoReprogramacionSchema>;
export type PoliticaTransferencia = z.infer<typeof transferenciaSchema>;

const porHoras = <T extends { desde_horas: number }>(xs: T[]) => [...xs].sort((a, b) => b.desde_horas - a.desde_horas);
const horasHasta = (inicio: Date, ahora: Date) => (inicio.getTime() - ahora.getTime()) / HORA_MS;
const centavos = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** The tier in force `horas` before the start (null: none, i.e. less notice than every tier asks). */
function tramoVigente<T extends { desde_horas: number }>(xs: T[], horasRestantes: number): T | null {
  return porHoras(xs).find((t) => horasRestantes >= t.desde_horas) ?? null;
}

export interface TramoEnElTiempo {
  porcentaje: number;
  /** From when the tier applies (null: already now or before). */
  desde: string | null;
  /** Until when it applies (the instant included). */
  hasta: string;
  vigente: boolean;
  texto: string;
}

export interface CotizacionCancelacion {
  puede_cancelar: boolean;
  razon: string | null;
  porcentaje_reembolso: number;
  monto_reembolso: string;
  costo_cancelacion: string;
  total: string;
  linea_tiempo: TramoEnElTiempo[];
  /** The last instant these figures hold by themselves (the tier ends, or the trip starts). */
  cambia_at: string | null;
}

/**
 * What cancelling now refunds: the tier's percentage of the total, less the fixed fee (never below 0),
 * and the whole timeline of tiers with the instants they change, in the agency's zone.
 */
export function cotizarCancelacion(politica: PoliticaCancelacion, reserva: { fechaInicio: Date; total: Decimal | string; estado: string }, ahora: Date, zona: string): CotizacionCancelacion {
  const total = new Decimal(reserva.total);
  const restantes = horasHasta(reserva.fechaInicio, ahora);
  const orden = porHoras(politica.tramos);
  const vigente = tramoVigente(orden, restantes);
  const costo = new Decimal(politica.costo_fijo ?? "0");
  const linea_tiempo = orden.map((t, i): TramoEnElTiempo => {
    const hasta = new Date(reserva.fechaInicio.getTime() - t.desde_horas * HORA_MS);
    const desde = i === 0 ? null : new Date(reserva.fechaInicio.getTime() - orden[i - 1].desde_horas * HORA_MS);
    return {
      porcentaje: t.porcentaje,
      desde: desde && desde > ahora ? desde.toISOString() : null,
      hasta: hasta.toISOString(),
      vigente: t === vigente,
      texto: `${t.desde_horas === 0 ? "hasta el inicio" : "hasta el"} ${formatearFechaCorta(hasta, zona)}: ${t.porcentaje} %`,
    };
  });
  const noCancelable = reserva.estado === "CANCELADA" ? "La reserva ya está cancelada." : reserva.estado === "COMPLETADA" ? "La reserva ya se completó." : restantes <= 0 ? "El viaje ya comenzó: no se puede cancelar." : null;
  const pct = noCancelable || !vigente ? 0 : vigente.porcentaje;
  const bruto = centavos(total.mul(pct).div(100));
  const monto = Decimal.max(bruto.sub(costo), 0);
  const fin = vigente ? new Date(reserva.fechaInicio.getTime() - vigente.desde_horas * HORA_MS) : reserva.fechaInicio;
  return {
    puede_cancelar: noCancelable === null,
    razon: noCancelable,
    porcentaje_reembolso: pct,
    monto_reembolso: monto.toFixed(2),
    costo_cancelacion: (noCancelable ? new Decimal(0) : Decimal.min(costo, bruto)).toFixed(2),
    total: total.toFixed(2),
    linea_tiempo,
    cambia_at: noCancelable ? null : fin.toISOString(),
  };
}

/** The change fee for moving a reservation now (by the notice before its current start). */
export function costoDeCambio(politica: PoliticaCostoReprogramacion, reserva: { fechaInicio: Date; total: Decimal | string }, ahora: Date): Decimal {
  const tramo = tramoVigente(politica.tramos, horasHasta(reserva.fechaInicio, ahora));
  if (!tramo) return new Decimal(0);
  if (tramo.monto !== undefined) return new Decimal(tramo.monto);
  return centavos(new Decimal(reserva.total).mul(tramo.porcentaje!).div(100));
}

export interface EvaluacionTransferencia {
  permitida: boolean;
  razon: string | null;
  costo: string;
  /** The last instant a transfer is accepted. */
  fecha_limite: string | null;
}

export function evaluarTransferencia(politica: PoliticaTransferencia | null, reserva: { fechaInicio: Date; estado: string }, ahora: Date, zona: string, mensaje?: string): EvaluacionTransferencia {
  if (!politica || !politica.permitida) return { permitida: false, razon: mensaje ?? "La agencia no permite transferir reservas a otra persona.", costo: "0.00", fecha_limite: null };
  const limite = new Date(reserva.fechaInicio.getTime() - politica.hasta_horas * HORA_MS);
  const costo = new Decimal(politica.costo).toFixed(2);
  if (reserva.estado === "CANCELADA" || reserva.estado === "COMPLETADA") return { permitida: false, razon: `No se puede transferir una reserva ${reserva.estado === "CANCELADA" ? "cancelada" : "completada"}.`, costo, fecha_limite: limite.toISOString() };
  if (ahora > limite) return { permitida: false, razon: mensaje ?? `Las transferencias se aceptan hasta el ${formatearFechaCorta(limite, zona)}.`, costo, fecha_limite: limite.toISOString() };
  return { permitida: true, razon: null, costo, fecha_limite: limite.toISOString() };
}

/** The policy of a rule's extra conditions (validated when the rule was saved; a bad one is no policy). */
export function politicaDe<T extends z.ZodType>(schema: T, condiciones: unknown): z.infer<T> | null {
  const r = schema.safeParse(condiciones && typeof condiciones === "object" ? Object.fromEntries(Object.entries(condiciones).filter(([k]) => k in (schema as unknown as z.ZodObject).shape)) : {});
  return r.success ? r.data : null;
}
