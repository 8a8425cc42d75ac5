// The support team's notification list (seed 000 §2C): one entry per reschedule, read state shared
// by the team, with filters, pagination and the unread count for the badge.
import { z } from "zod";
import { paginacion, ventana } from "@/lib/paginacion";
import type { Db } from "@/lib/db/client";
import { noEncontrado } from "@/lib/errores";
import type { Prisma } from "@/lib/generated/prisma/client";
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

export async function listarNotificaciones(db: Db, filtros: FiltrosNotificaciones) {
  const periodo: Prisma.NotificacionWhereInput = {
    createdAt: filtros.desde || filtros.hasta ? { gte: filtros.desde ? inicioDe(filtros.desde) : undefined, lt: filtros.hasta ? finDe(filtros.hasta) : undefined } : undefined,
  };
  const where = { ...periodo, leida: filtros.leida };
  const [filas, total, noLeidas] = await Promise.all([
    db.notificacion.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...ventana(filtros) }),
    db.notificacion.count({ where }),
    db.notificacion.count({ where: { ...periodo, leida: false } }),
  ]);
  return {
    notificaciones: filas.map(itemNotificacion),
    total,
    no_leidas: noLeidas,
    pagina: filtros.pagina,
    por_pagina: filtros.por_pagina,
    paginas: Math.max(1, Math.ceil(total / filtros.por_pagina)),
  };
}

export async function marcarNotificacion(db: Db, id: number, body: unknown) {
  const { leida } = marcarSchema.parse(body);
  const { count } = await db.notificacion.updateMany({ where: { id }, data: { leida, leidaAt: leida ? new Date() : null } });
  if (count === 0) throw noEncontrado("La notificación no existe.");
  const [fila, noLeidas] = await Promise.all([db.notificacion.findUniqueOrThrow({ where: { id } }), db.notificacion.count({ where: { leida: false } })]);
  return { ...itemNotificacion(fila), no_leidas: noLeidas };
}

export async function marcarTodasLeidas(db: Db) {
  const { count } = await db.notificacion.updateMany({ where: { leida: false }, data: { leida: true, leidaAt: new Date() } });
  return { actualizadas: count, no_leidas: 0 };
}
