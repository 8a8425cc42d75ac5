// GET /api/reservas/{id}/historial-reprogramacion/ (§5). Internal notes are for staff only.
import type { z } from "zod";
import type { historialSchema } from "@/lib/api/respuestas";
import type { Actor } from "@/lib/auth/credenciales";
import { esStaff } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { dinero, iso } from "@/lib/reservas/serializar";
import { reservaDelActor } from "./reprogramar";

function reembolsoDe(detalle: unknown) {
  const { porcentaje, monto, costo_cancelacion, moneda } = (detalle as { reembolso: { porcentaje: number; monto: string; costo_cancelacion: string; moneda: string } }).reembolso;
  return { porcentaje, monto, costo_cancelacion, moneda };
}

/** Names only: a new holder reads the history, and the previous holder's contact is not theirs to see. */
function transferenciaDe(detalle: unknown) {
  const { de, a } = detalle as { de: { nombre: string }; a: { nombre: string } };
  return { de: de.nombre, a: a.nombre };
}

export async function historialDeReserva(db: Db, actor: Actor, reservaId: number): Promise<z.input<typeof historialSchema>> {
  await reservaDelActor(db, actor, reservaId);
  const filas = await db.historialReprogramacion.findMany({
    where: { reservaId },
    include: { actor: true, cupones: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const staff = esStaff(actor.rol);
  return filas.map((h) => ({
    id: h.id,
    accion: h.accion,
    ...(h.accion === "CANCELACION" ? { reembolso: reembolsoDe(h.detalle) } : {}),
    ...(h.accion === "TRANSFERENCIA" ? { transferencia: transferenciaDe(h.detalle) } : {}),
    fecha_anterior: iso(h.fechaAnterior),
    fecha_nueva: iso(h.fechaNueva),
    motivo: h.motivo,
    tipo_reprogramacion: h.tipo,
    costo_aplicado: dinero(h.costoAplicado),
    total_anterior: dinero(h.totalAnterior),
    total_nuevo: dinero(h.totalNuevo),
    descuento_aplicado: h.descuentoPorcentaje
      ? { porcentaje: h.descuentoPorcentaje.toNumber(), monto: dinero(h.descuentoMonto), razon: h.descuentoRazon }
      : null,
    reprogramado_por: {
      id: h.actor.id,
      username: h.actor.email,
      first_name: h.actor.nombre,
      last_name: h.actor.apellido,
      rol: h.actor.rol,
    },
    fecha_reprogramacion: iso(h.createdAt),
    estado_notificacion: {
      cliente_notificado: h.clienteNotificado,
      email_enviado: h.emailEnviado,
      sms_enviado: h.smsEnviado,
      push_enviado: h.pushEnviado,
      fecha_notificacion: iso(h.fechaNotificacion),
    },
    reglas_aplicadas: h.reglasAplicadas,
    reglas_bypass: h.reglasBypass,
    cupones: h.cupones.map((c) => ({ codigo: c.codigo, valor: dinero(c.valor), valido_hasta: iso(c.validoHasta) })),
    observaciones_cliente: h.observacionesCliente,
    ...(staff ? { observaciones_internas: h.observacionesInternas, prioridad: h.prioridad, categoria: h.categoria } : {}),
  }));
}
