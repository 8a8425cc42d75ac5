// Refunds owed by cancellations, for the agency's finance: pending and paid, marked as paid once
// (who and when, and an entry in the reservation's audit), exported as CSV.
import { z } from "zod";
import type { Actor } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { ErrorDominio, noEncontrado } from "@/lib/errores";
import { comoCsv } from "@/lib/formato/csv";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parsearCon } from "@/lib/validacion";
import type { reembolsoSchema } from "@/lib/api/respuestas";

export const filtrosReembolsosSchema = z.object({ estado: z.enum(["PENDIENTE", "PAGADO"], { error: "Estado: PENDIENTE o PAGADO" }).optional() }).strict();

const INCLUIR = { reserva: { include: { usuario: true } }, historial: true, pagadoPor: true } satisfies Prisma.ReembolsoInclude;
type ReembolsoCompleto = Prisma.ReembolsoGetPayload<{ include: typeof INCLUIR }>;

export const serializarReembolso = (r: ReembolsoCompleto): z.input<typeof reembolsoSchema> => ({
  id: r.id,
  reserva_id: r.reservaId,
  destino: r.reserva.destino,
  cliente: { nombre: `${r.reserva.usuario.nombre} ${r.reserva.usuario.apellido}`.trim(), email: r.reserva.usuario.email },
  monto: r.monto.toFixed(2),
  porcentaje: r.porcentaje.toNumber(),
  moneda: r.moneda,
  estado: r.estado,
  cancelada_at: r.historial.createdAt.toISOString(),
  motivo: r.historial.motivo,
  pagado_at: r.pagadoAt?.toISOString() ?? null,
  pagado_por: r.pagadoPor ? `${r.pagadoPor.nombre} ${r.pagadoPor.apellido}`.trim() : null,
});
export type ReembolsoVisible = z.input<typeof reembolsoSchema>;

export async function listarReembolsos(db: Db, consulta: unknown) {
  const { estado } = parsearCon(filtrosReembolsosSchema, consulta, "Los filtros no son válidos.");
  const filas = await db.reembolso.findMany({ where: estado ? { estado } : {}, include: INCLUIR, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500 });
  const [pendiente] = await db.$queryRaw<{ n: number; total: string | null }[]>`SELECT count(*)::int AS n, sum(monto)::text AS total FROM reembolso WHERE estado = 'PENDIENTE'`;
  return { reembolsos: filas.map(serializarReembolso), pendientes: pendiente.n, monto_pendiente: Number(pendiente.total ?? 0).toFixed(2) };
}

/** Marks a refund as paid, once: a second time is 409 and changes nothing. */
export async function marcarPagado(db: Db, actor: Actor, id: number, ahora = new Date()) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.reembolso.updateMany({ where: { id, estado: "PENDIENTE" }, data: { estado: "PAGADO", pagadoAt: ahora, pagadoPorId: actor.id } });
    const r = await tx.reembolso.findUnique({ where: { id }, include: INCLUIR });
    if (!r) throw noEncontrado("El reembolso no existe.");
    if (!count) throw new ErrorDominio(409, "REEMBOLSO_YA_PAGADO", `Este reembolso ya se marcó como pagado${r.pagadoAt ? ` el ${r.pagadoAt.toISOString()}` : ""}.`);
    await tx.auditoriaReserva.create({ data: { reservaId: r.reservaId, actorId: actor.id, cambios: { reembolso: { antes: "PENDIENTE", despues: "PAGADO" }, monto: r.monto.toFixed(2) } } });
    return serializarReembolso(r);
  });
}

export function reembolsosComoCsv(reembolsos: ReembolsoVisible[]): string {
  return comoCsv(
    ["id", "reserva_id", "destino", "cliente", "email", "monto", "moneda", "porcentaje", "estado", "cancelada_at", "motivo", "pagado_at", "pagado_por"],
    reembolsos.map((r) => [r.id, r.reserva_id, r.destino, r.cliente.nombre, r.cliente.email, r.monto, r.moneda, r.porcentaje, r.estado, r.cancelada_at, r.motivo, r.pagado_at, r.pagado_por]),
  );
}
