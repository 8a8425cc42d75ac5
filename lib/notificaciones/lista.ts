// The support team's notification list (seed 000 §2C): one entry per reschedule, read state shared
// by the team, with filters, pagination and the unread count for the badge.
import type { listaNotificacionesSchema } from "@/lib/api/respuestas";
import { z } from "zod";
import { paginacion, ventana } from "@/lib/paginacion";
import type { Db } from "@/lib/db/client";
import { noEncontrado } from "@/lib/errores";
import { Prisma } from "@/lib/generated/prisma/client";
import { conteosDelPanel } from "./conteo";
import { itemNotificacion } from "./evento";
import { finDe, inicioDe, parametroFecha } from "./periodo";

export const filtrosNotificacionesSchema = z
  .object({
    leida: z.enum(["true", "false"], { error: "Debe ser true o false" }).transform((v) => v === "true").optional(),
    desde: parametroFecha.optional(),
    hasta: parametroFecha.optional(),
    ...paginacion(20, 100),
  })
  .strict();
export type FiltrosNotificaciones = z.infer<typeof filtrosNotificacionesSchema>;

export const marcarSchema = z.object({ leida: z.boolean({ error: "Debe ser true o false" }) }).strict();

export async function listarNotificaciones(db: Db, filtros: FiltrosNotificaciones): Promise<z.input<typeof listaNotificacionesSchema>> {
  const desde = filtros.desde ? inicioDe(filtros.desde) : null;
  const hasta = filtros.hasta ? finDe(filtros.hasta) : null;
  const where: Prisma.NotificacionWhereInput = { createdAt: desde || hasta ? { gte: desde ?? undefined, lt: hasta ?? undefined } : undefined, leida: filtros.leida };
  // The page walks the (created_at, id) index. Counts: for the whole feed, from the trigger-kept
  // deltas; for a period, one pass over it.
  const [filas, conteo] = await Promise.all([
    db.notificacion.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...ventana(filtros) }),
    desde || hasta ? conteoDelPeriodo(db, filtros.leida, desde, hasta) : conteoCompleto(db, filtros.leida),
  ]);
  return {
    notificaciones: filas.map(itemNotificacion),
    total: conteo.total,
    no_leidas: conteo.no_leidas,
    pagina: filtros.pagina,
    por_pagina: filtros.por_pagina,
    paginas: Math.max(1, Math.ceil(conteo.total / filtros.por_pagina)),
  };
}

async function conteoCompleto(db: Db, leida: boolean | undefined) {
  const { total, no_leidas } = await conteosDelPanel(db);
  return { total: leida === undefined ? total : leida ? total - no_leidas : no_leidas, no_leidas };
}

async function conteoDelPeriodo(db: Db, leida: boolean | undefined, desde: Date | null, hasta: Date | null) {
  const [conteo] = await db.$queryRaw<{ total: number; no_leidas: number }[]>`
      SELECT count(*) FILTER (WHERE ${leida === undefined ? Prisma.sql`true` : Prisma.sql`leida = ${leida}`})::int AS total,
             count(*) FILTER (WHERE NOT leida)::int AS no_leidas
      FROM notificacion
      WHERE ${desde ? Prisma.sql`created_at >= ${desde}` : Prisma.sql`true`} AND ${hasta ? Prisma.sql`created_at < ${hasta}` : Prisma.sql`true`}`;
  return conteo;
}

export async function marcarNotificacion(db: Db, id: number, body: unknown) {
  const { leida } = marcarSchema.parse(body);
  const { count } = await db.notificacion.updateMany({ where: { id }, data: { leida, leidaAt: leida ? new Date() : null } });
  if (count === 0) throw noEncontrado("La notificación no existe.");
  const [fila, { no_leidas }] = await Promise.all([db.notificacion.findUniqueOrThrow({ where: { id } }), conteosDelPanel(db)]);
  return { ...itemNotificacion(fila), no_leidas };
}

export async function marcarTodasLeidas(db: Db) {
  const { count } = await db.notificacion.updateMany({ where: { leida: false }, data: { leida: true, leidaAt: new Date() } });
  return { actualizadas: count, no_leidas: 0 };
}
