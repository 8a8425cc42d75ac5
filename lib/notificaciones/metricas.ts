// Delivery metrics for admins (seed 000 §6 plus per-channel rates, latency and errors). The period
// selects reschedules by when they happened; their deliveries count whenever they completed. The
// waiting list's offers, which notify without a reschedule, have a block of their own.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { zonaAgencia } from "@/lib/formato/fecha";
import { TipoErrorEntrega } from "@/lib/generated/prisma/enums";
import { finDe, inicioDe, parametroFecha } from "./periodo";
import { PLANTILLAS_AGENCIA } from "./plantillas";

const DIA_MS = 24 * 3_600_000;

export const periodoMetricasSchema = z
  .object({ desde: parametroFecha.optional(), hasta: parametroFecha.optional() })
  .strict()
  .transform((p, ctx) => {
    const hasta = p.hasta ? finDe(p.hasta) : new Date();
    const desde = p.desde ? inicioDe(p.desde) : new Date(hasta.getTime() - 7 * DIA_MS);
    if (desde >= hasta) ctx.addIssue({ code: "custom", path: ["desde"], message: "Debe ser anterior a hasta" });
    return { desde, hasta };
  });

const porcentaje = (parte: number, todo: number) => (todo > 0 ? Math.round((parte / todo) * 10_000) / 100 : 0);
const ms = (valor: number | null) => (valor == null ? null : Math.round(valor));

const CANALES = ["email_cliente", "email_admin", "sms", "tiempo_real"] as const;

/**
 * A channel's counts and latency percentiles over deliveries `e`, latency measured from `origen` (when
 * the reschedule or the offer happened). Percentiles ignore deliveries not yet sent (enviada_at null).
 */
const cifrasDeCanal = (origen: Prisma.Sql) => Prisma.sql`
  count(*)::int AS total,
  count(*) FILTER (WHERE e.estado = 'ENVIADA')::int AS enviadas,
  count(*) FILTER (WHERE e.estado = 'FALLIDA')::int AS fallidas,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.enviada_at - ${origen}) * 1000) AS p50,
  percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM e.enviada_at - ${origen}) * 1000) AS p95`;

interface FilaCanal {
  /** null: the grand-total row of GROUPING SETS. */
  canal: (typeof CANALES)[number] | null;
  total: number;
  enviadas: number;
  fallidas: number;
  p50: number | null;
  p95: number | null;
}

export async function metricasNotificaciones(db: Db, { desde, hasta }: { desde: Date; hasta: Date }) {
  const zona = zonaAgencia();
  const [totales] = await db.$queryRaw<{ total: number; con_aviso: number; enviadas: number }[]>`
    SELECT count(*) FILTER (WHERE accion = 'REPROGRAMACION')::int AS total,
           count(*) FILTER (WHERE notificar_cliente)::int AS con_aviso,
           count(*) FILTER (WHERE cliente_notificado)::int AS enviadas
    FROM historial_reprogramacion WHERE created_at >= ${desde} AND created_at < ${hasta}`;

  // One pass gives each channel and, through the empty grouping set, the overall latency.
  const canales = await db.$queryRaw<FilaCanal[]>`
    SELECT CASE WHEN e.canal = 'TIEMPO_REAL' THEN 'tiempo_real' WHEN e.canal = 'SMS' THEN 'sms' WHEN e.plantilla = ANY(${PLANTILLAS_AGENCIA}) THEN 'email_admin' ELSE 'email_cliente' END AS canal,
           ${cifrasDeCanal(Prisma.sql`h.created_at`)}
    FROM entrega_notificacion e JOIN historial_reprogramacion h ON h.id = e.historial_id
    WHERE h.created_at >= ${desde} AND h.created_at < ${hasta}
    GROUP BY GROUPING SETS ((1), ())`;
  const total = canales.find((c) => c.canal === null);

  const errores = await db.$queryRaw<{ tipo: TipoErrorEntrega; intentos: number; entregas_fallidas: number }[]>`
    SELECT t.tipo,
           (SELECT count(*)::int FROM intento_entrega i JOIN entrega_notificacion e ON e.id = i.entrega_id JOIN historial_reprogramacion h ON h.id = e.historial_id
             WHERE NOT i.exito AND i.error_tipo::text = t.tipo AND h.created_at >= ${desde} AND h.created_at < ${hasta}) AS intentos,
           (SELECT count(*)::int FROM entrega_notificacion e JOIN historial_reprogramacion h ON h.id = e.historial_id
             WHERE e.estado = 'FALLIDA' AND e.error_tipo::text = t.tipo AND h.created_at >= ${desde} AND h.created_at < ${hasta}) AS entregas_fallidas
    FROM unnest(${Object.values(TipoErrorEntrega)}::text[]) AS t(tipo)`;

  const dias = await db.$queryRaw<{ fecha: string; reprogramaciones: number; correos_enviados: number; sms_enviados: number; eventos_enviados: number }[]>`
    SELECT to_char(h.created_at AT TIME ZONE ${zona}, 'YYYY-MM-DD') AS fecha,
           count(DISTINCT h.id)::int AS reprogramaciones,
           count(e.id) FILTER (WHERE e.canal = 'EMAIL' AND e.estado = 'ENVIADA')::int AS correos_enviados,
           count(e.id) FILTER (WHERE e.canal = 'SMS' AND e.estado = 'ENVIADA')::int AS sms_enviados,
           count(e.id) FILTER (WHERE e.canal = 'TIEMPO_REAL' AND e.estado = 'ENVIADA')::int AS eventos_enviados
    FROM historial_reprogramacion h LEFT JOIN entrega_notificacion e ON e.historial_id = h.id
    WHERE h.created_at >= ${desde} AND h.created_at < ${hasta}
    GROUP BY 1 ORDER BY 1`;

  const porCanal = Object.fromEntries(CANALES.map((canal) => [canal, estadisticasCanal(canales.find((c) => c.canal === canal))]));

  return {
    periodo: { desde: desde.toISOString(), hasta: hasta.toISOString(), zona },
    total_reprogramaciones: totales.total,
    reprogramaciones_con_aviso_al_cliente: totales.con_aviso,
    notificaciones_enviadas: totales.enviadas,
    // Of the reschedules that were meant to notify the client, how many did (by email or SMS).
    tasa_entrega: porcentaje(totales.enviadas, totales.con_aviso),
    por_canal: porCanal,
    latencia_ms: { p50: ms(total?.p50 ?? null), p95: ms(total?.p95 ?? null) },
    errores_por_tipo: Object.fromEntries(errores.map((e) => [e.tipo, e.intentos])),
    entregas_fallidas_por_tipo: Object.fromEntries(errores.map((e) => [e.tipo, e.entregas_fallidas])),
    volumen_por_dia: dias,
    ofertas_lista_espera: await metricasOfertas(db, { desde, hasta }),
    salidas_y_cambios: await metricasSalidas(db, { desde, hasta }),
  };
}

/** The other ways out of a booking in the period: cancellations and their refunds (owed and paid), transfers, change fees charged. */
async function metricasSalidas(db: Db, { desde, hasta }: { desde: Date; hasta: Date }) {
  const [f] = await db.$queryRaw<{ cancelaciones: number; reembolsos: number; reembolsado: string; pagados: number; pagado: string; transferencias: number; costo_transferencias: string; cambios_con_costo: number; costo_cambios: string }[]>`
    SELECT count(*) FILTER (WHERE h.accion = 'CANCELACION')::int AS cancelaciones,
           count(r.id)::int AS reembolsos,
           coalesce(sum(r.monto), 0)::text AS reembolsado,
           count(r.id) FILTER (WHERE r.estado = 'PAGADO')::int AS pagados,
           coalesce(sum(r.monto) FILTER (WHERE r.estado = 'PAGADO'), 0)::text AS pagado,
           count(*) FILTER (WHERE h.accion = 'TRANSFERENCIA')::int AS transferencias,
           coalesce(sum(h.costo_aplicado) FILTER (WHERE h.accion = 'TRANSFERENCIA'), 0)::text AS costo_transferencias,
           count(*) FILTER (WHERE h.accion = 'REPROGRAMACION' AND h.costo_aplicado > 0)::int AS cambios_con_costo,
           coalesce(sum(h.costo_aplicado) FILTER (WHERE h.accion = 'REPROGRAMACION'), 0)::text AS costo_cambios
    FROM historial_reprogramacion h LEFT JOIN reembolso r ON r.historial_id = h.id
    WHERE h.created_at >= ${desde} AND h.created_at < ${hasta}`;
  const dinero = (v: string) => Number(v).toFixed(2);
  return {
    cancelaciones: f.cancelaciones,
    reembolsos: { cantidad: f.reembolsos, monto: dinero(f.reembolsado), pagados: f.pagados, monto_pagado: dinero(f.pagado) },
    transferencias: { cantidad: f.transferencias, costos: dinero(f.costo_transferencias) },
    costos_de_cambio: { reprogramaciones_con_costo: f.cambios_con_costo, monto: dinero(f.costo_cambios) },
  };
}

function estadisticasCanal(f: Omit<FilaCanal, "canal"> | undefined) {
  const total = f?.total ?? 0;
  const enviadas = f?.enviadas ?? 0;
  const fallidas = f?.fallidas ?? 0;
  return { total, enviadas, fallidas, pendientes: total - enviadas - fallidas, tasa_entrega: porcentaje(enviadas, total), latencia_ms: { p50: ms(f?.p50 ?? null), p95: ms(f?.p95 ?? null) } };
}

/**
 * Waiting-list offers made in the period (by when the place was offered): how they ended, and how
 * their email and SMS went, latency measured from the offer.
 */
async function metricasOfertas(db: Db, { desde, hasta }: { desde: Date; hasta: Date }) {
  const [resultado] = await db.$queryRaw<{ ofertas: number; aceptadas: number; rechazadas: number; vencidas: number; retiradas: number; abiertas: number }[]>`
    SELECT count(*)::int AS ofertas,
           count(*) FILTER (WHERE estado = 'ACEPTADA')::int AS aceptadas,
           count(*) FILTER (WHERE estado = 'RECHAZADA')::int AS rechazadas,
           count(*) FILTER (WHERE estado = 'VENCIDA')::int AS vencidas,
           count(*) FILTER (WHERE estado = 'RETIRADA')::int AS retiradas,
           count(*) FILTER (WHERE estado = 'OFERTADA')::int AS abiertas
    FROM entrada_lista_espera WHERE ofertada_at >= ${desde} AND ofertada_at < ${hasta}`;
  const canales = await db.$queryRaw<(Omit<FilaCanal, "canal"> & { canal: "email" | "sms" })[]>`
    SELECT CASE WHEN e.canal = 'SMS' THEN 'sms' ELSE 'email' END AS canal,
           ${cifrasDeCanal(Prisma.sql`l.ofertada_at`)}
    FROM entrega_notificacion e JOIN entrada_lista_espera l ON l.id = e.espera_id
    WHERE l.ofertada_at >= ${desde} AND l.ofertada_at < ${hasta}
    GROUP BY 1`;
  return {
    ...resultado,
    // Of the offers already closed, how many were taken.
    tasa_aceptacion: porcentaje(resultado.aceptadas, resultado.ofertas - resultado.abiertas),
    por_canal: { email: estadisticasCanal(canales.find((c) => c.canal === "email")), sms: estadisticasCanal(canales.find((c) => c.canal === "sms")) },
  };
}
