// The dead-letter queue for admins: deliveries that ended FALLIDA, and a manual retry that gives
// one a fresh budget of attempts (the attempt log keeps every earlier try).
import { z } from "zod";
import { paginacion, ventana } from "@/lib/paginacion";
import type { Db } from "@/lib/db/client";
import { ErrorDominio, noEncontrado } from "@/lib/errores";
import type { CanalEntrega } from "@/lib/generated/prisma/enums";
import { configuracionEntregas } from "./config";
import { encolarEntrega } from "./encolar";

export const filtrosEntregasSchema = z
  .object({
    ...paginacion(20, 100),
  })
  .strict();

/** A delivery as staff see it (dead-letter list, a reservation's workspace). */
export const serializarEntrega = (e: { id: number; historialId: number | null; esperaId: number | null; canal: CanalEntrega; destinatario: string; plantilla: string; estado: string; intentos: number; errorTipo: string | null; error: string | null; estadoProveedor: string | null; codigoProveedor: string | null; estadoProveedorAt: Date | null; encoladaAt: Date; enviadaAt: Date | null; updatedAt: Date; historial?: { reservaId: number } | null; espera?: { reservaId: number } | null }) => ({
  id: e.id,
  historial_id: e.historialId,
  lista_espera_id: e.esperaId,
  reserva_id: e.historial?.reservaId ?? e.espera?.reservaId,
  canal: e.canal,
  destinatario: e.destinatario,
  plantilla: e.plantilla,
  estado: e.estado,
  intentos: e.intentos,
  error_tipo: e.errorTipo,
  error: e.error,
  // What the provider reported afterwards (SMS: delivered to the phone or not), when it did.
  estado_proveedor: e.estadoProveedor,
  codigo_proveedor: e.codigoProveedor,
  estado_proveedor_at: e.estadoProveedorAt?.toISOString() ?? null,
  encolada_at: e.encoladaAt.toISOString(),
  enviada_at: e.enviadaAt?.toISOString() ?? null,
  actualizada_at: e.updatedAt.toISOString(),
});

const INCLUIR_RESERVA = { historial: { select: { reservaId: true } }, espera: { select: { reservaId: true } } } as const;

export async function listarEntregasFallidas(db: Db, filtros: z.infer<typeof filtrosEntregasSchema>) {
  const where = { estado: "FALLIDA" as const };
  const [total, filas] = await Promise.all([
    db.entregaNotificacion.count({ where }),
    db.entregaNotificacion.findMany({ where, include: INCLUIR_RESERVA, orderBy: { id: "desc" }, ...ventana(filtros) }),
  ]);
  return { entregas: filas.map(serializarEntrega), total, pagina: filtros.pagina, por_pagina: filtros.por_pagina };
}

export async function reintentarEntrega(db: Db, id: number) {
  return db.$transaction(async (tx) => {
    const [entrega] = await tx.$queryRaw<{ estado: string; intentos: number }[]>`SELECT estado::text, intentos FROM entrega_notificacion WHERE id = ${id} FOR UPDATE`;
    if (!entrega) throw noEncontrado("La entrega no existe.");
    if (entrega.estado !== "FALLIDA") {
      throw new ErrorDominio(409, "ENTREGA_NO_FALLIDA", "Solo se pueden reintentar entregas fallidas.", { estado: entrega.estado });
    }
    const actualizada = await tx.entregaNotificacion.update({
      where: { id },
      data: { estado: "PENDIENTE", limiteIntentos: entrega.intentos + configuracionEntregas().maxIntentos },
      include: INCLUIR_RESERVA,
    });
    await encolarEntrega(tx, id);
    return serializarEntrega(actualizada);
  });
}
