// Cancelling a reservation: first the quote (what the policy refunds now, the timeline of tiers, a
// signed token valid 15 minutes), then the cancellation at the quoted figures in one transaction:
// the reservation row locked, the quote checked against the figures now (a tier boundary passed, the
// rules changed or the reservation moved: 409 with a fresh quote, nothing changed), then the state,
// the refund owed, the history entry and the notifications. The place it frees goes to the day's
// waiting list (the database trigger on the state change queues the offer).
import { z } from "zod";
import type { Actor } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { zonaAgencia } from "@/lib/formato/fecha";
import { Prisma } from "@/lib/generated/prisma/client";
import { encolarNotificaciones } from "@/lib/notificaciones/encolar";
import { PLANTILLA_CANCELACION } from "@/lib/notificaciones/plantillas";
import { politicasDe } from "@/lib/politicas/aplicables";
import { cotizarCancelacion } from "@/lib/politicas/politicas";
import type { Tx } from "@/lib/reprogramacion/datos";
import { guardarRespuesta, huellaDeSolicitud, tomarClave } from "@/lib/reprogramacion/idempotencia";
import { reservaYActor, tipoDeReprogramacion } from "@/lib/reprogramacion/reprogramar";
import { vigentesEnVersion } from "@/lib/reprogramacion/vigentes";
import { serializarReserva } from "@/lib/reservas/serializar";
import { motivoSchema, parsearCon, texto } from "@/lib/validacion";
import { leerCotizacion, mismaCotizacion, tokenDeCotizacion, venceCotizacion, type DatosCotizacion } from "./cotizacion";

export const cancelacionSchema = z
  .object({
    cotizacion: texto(2000, { min: 10, requerido: "Indique la cotización (pídala con GET .../cancelacion/)", mensajeMin: "Cotización inválida" }),
    motivo: motivoSchema,
    porcentaje_reembolso: z.number({ error: "Debe ser un número de 0 a 100" }).min(0, "Mínimo 0").max(100, "Máximo 100").refine((v) => Number(v.toFixed(2)) === v, "Como máximo dos decimales").optional().meta({ description: "Solo administradores: otro porcentaje de reembolso, con razon_ajuste" }),
    razon_ajuste: texto(500, { min: 10, mensajeMin: "Explique el ajuste (mínimo 10 caracteres)" }).optional(),
  })
  .strict()
  .refine((d) => d.porcentaje_reembolso === undefined || d.razon_ajuste !== undefined, { message: "Indique la razón del ajuste del reembolso", path: ["razon_ajuste"] });
export type SolicitudCancelacion = z.infer<typeof cancelacionSchema>;

type Carga = Awaited<ReturnType<typeof reservaYActor>>;

/** The quote for a loaded reservation: the figures, the timeline and the signed token. */
export async function cotizar(tx: Tx, carga: Carga, rol: Actor["rol"], ahora: Date, zona: string) {
  const { reglas, config } = await vigentesEnVersion(tx, carga.version);
  const { cancelacion } = politicasDe(reglas, config, carga.reserva, rol, ahora, zona);
  const figuras = cotizarCancelacion(cancelacion.politica, carga.reserva, ahora, zona);
  const vence = venceCotizacion(figuras, ahora);
  const datos: DatosCotizacion = {
    reservaId: carga.reserva.id,
    porcentaje: figuras.porcentaje_reembolso,
    monto: figuras.monto_reembolso,
    costo: figuras.costo_cancelacion,
    total: figuras.total,
    fechaInicio: carga.reserva.fechaInicio.toISOString(),
    version: carga.version.toString(),
    venceAt: vence.toISOString(),
  };
  return {
    datos,
    cuerpo: {
      reserva_id: carga.reserva.id,
      ...figuras,
      moneda: carga.reserva.moneda,
      politica: cancelacion.regla ? { id: cancelacion.regla.id, nombre: cancelacion.regla.nombre } : null,
      cotizacion: figuras.puede_cancelar ? tokenDeCotizacion(datos) : null,
      vence_at: figuras.puede_cancelar ? vence.toISOString() : null,
    },
  };
}
export type CotizacionRespuesta = Awaited<ReturnType<typeof cotizar>>["cuerpo"];

/** GET /api/reservas/{id}/cancelacion/: the quote, changing nothing. */
export async function cotizacionDeCancelacion(db: Db, actor: Actor, reservaId: number, ahora = new Date(), zona = zonaAgencia()) {
  const carga = await reservaYActor(db, actor, reservaId);
  return (await cotizar(db, carga, actor.rol, ahora, zona)).cuerpo;
}

const noCancelable = (estado: string) =>
  new ErrorDominio(409, "RESERVA_NO_CANCELABLE", `No se puede cancelar una reserva ${estado === "CANCELADA" ? "cancelada" : "completada"}.`, { estado });

async function escribirCancelacion(tx: Tx, actorSesion: Actor, reservaId: number, solicitud: SolicitudCancelacion, ahora: Date, zona: string) {
  if (solicitud.porcentaje_reembolso !== undefined && actorSesion.rol !== "ADMIN")
    throw new ErrorDominio(403, "PERMISO_DENEGADO", "Solo un administrador puede ajustar el porcentaje de reembolso.", { campos: { porcentaje_reembolso: "Solo administradores" } });
  const recibida = leerCotizacion(solicitud.cotizacion);
  const carga = await reservaYActor(tx, actorSesion, reservaId, true);
  const { reserva, actor } = carga;
  if (reserva.estado === "CANCELADA" || reserva.estado === "COMPLETADA") throw noCancelable(reserva.estado);
  if (recibida.reservaId !== reserva.id) throw new ErrorDominio(400, "COTIZACION_INVALIDA", "La cotización es de otra reserva.", { campos: { cotizacion: "Es de otra reserva" } });
  const actual = await cotizar(tx, carga, actorSesion.rol, ahora, zona);
  if (!actual.cuerpo.puede_cancelar) throw new ErrorDominio(409, "RESERVA_NO_CANCELABLE", actual.cuerpo.razon ?? "La reserva no se puede cancelar.", { cotizacion_nueva: actual.cuerpo });
  if (new Date(recibida.venceAt) < ahora || !mismaCotizacion(recibida, actual.datos))
    throw new ErrorDominio(409, "COTIZACION_VENCIDA", "La cotización ya no vale (venció, pasó un plazo de la política o cambiaron las reglas o la reserva). Revise la nueva y confirme de nuevo.", {
      cotizacion_nueva: actual.cuerpo,
    });

  const ajuste = solicitud.porcentaje_reembolso;
  const total = reserva.total;
  const costo = new Prisma.Decimal(actual.datos.costo);
  const monto = ajuste === undefined ? new Prisma.Decimal(actual.datos.monto) : Prisma.Decimal.max(total.mul(ajuste).div(100).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP).sub(costo), 0);
  const porcentajeFinal = ajuste ?? actual.datos.porcentaje;
  const tipo = tipoDeReprogramacion(actor, {});

  const fila = await tx.reserva.update({ where: { id: reserva.id }, data: { estado: "CANCELADA", cambios: { increment: 1 } } });
  const detalle = {
    reembolso: { porcentaje: porcentajeFinal, monto: monto.toFixed(2), costo_cancelacion: costo.toFixed(2), moneda: reserva.moneda },
    cotizacion: { porcentaje: actual.datos.porcentaje, monto: actual.datos.monto },
    ...(ajuste !== undefined ? { ajuste: { porcentaje_calculado: actual.datos.porcentaje, porcentaje_aplicado: ajuste, razon: solicitud.razon_ajuste, autorizado_por: actor.email } } : {}),
    politica: actual.cuerpo.politica,
  };
  const historial = await tx.historialReprogramacion.create({
    data: {
      reservaId: reserva.id,
      accion: "CANCELACION",
      fechaAnterior: reserva.fechaInicio,
      fechaNueva: reserva.fechaInicio,
      motivo: solicitud.motivo,
      tipo,
      actorId: actor.id,
      reglasAplicadas: actual.cuerpo.politica ? ["POLITICA_CANCELACION"] : [],
      totalAnterior: total,
      totalNuevo: total,
      costoAplicado: costo,
      secuencia: fila.cambios,
      detalle: detalle as Prisma.InputJsonValue,
      createdAt: ahora,
    },
  });
  const reembolso = await tx.reembolso.create({
    data: { reservaId: reserva.id, historialId: historial.id, monto, porcentaje: porcentajeFinal, moneda: reserva.moneda },
  });
  const notificaciones = await encolarNotificaciones(tx, {
    accion: "CANCELACION",
    historialId: historial.id,
    reserva_id: reserva.id,
    cliente: { nombre: `${reserva.usuario.nombre} ${reserva.usuario.apellido}`, email: reserva.usuario.email },
    fecha_anterior: reserva.fechaInicio.toISOString(),
    fecha_nueva: reserva.fechaInicio.toISOString(),
    motivo: solicitud.motivo,
    reprogramado_por: `${actor.nombre} ${actor.apellido}`,
    tipo_reprogramacion: tipo,
    conDescuento: false,
    notificarCliente: true,
    smsCliente: reserva.usuario.smsActivo ? reserva.usuario.telefono : null,
  });
  return {
    mensaje: "Reserva cancelada",
    reserva: serializarReserva({ ...fila, servicios: reserva.servicios, usuario: reserva.usuario }),
    historial_id: historial.id,
    reembolso: { id: reembolso.id, monto: reembolso.monto.toFixed(2), porcentaje: porcentajeFinal, moneda: reembolso.moneda, estado: reembolso.estado },
    costo_cancelacion: costo.toFixed(2),
    notificaciones: { ...notificaciones, notificar_cliente: true, template_usado: PLANTILLA_CANCELACION },
  };
}
export type RespuestaCancelacion = Awaited<ReturnType<typeof escribirCancelacion>>;

/** POST /api/reservas/{id}/cancelar/: with an idempotency key, a repeat answers the first response and changes nothing. */
export async function cancelarReserva(db: Db, actor: Actor, reservaId: number, body: unknown, clave: string | null, ahora = new Date(), zona = zonaAgencia()) {
  const solicitud = parsearCon(cancelacionSchema, body, "La cancelación no es válida.");
  return db.$transaction(
    async (tx) => {
      if (clave) {
        const previa = await tomarClave(tx, actor.id, clave, huellaDeSolicitud(reservaId, { cancelar: solicitud }));
        if (previa) return { respuesta: previa as unknown as RespuestaCancelacion, repetida: true };
      }
      const respuesta = await escribirCancelacion(tx, actor, reservaId, solicitud, ahora, zona);
      if (clave) await guardarRespuesta(tx, actor.id, clave, respuesta as unknown as Prisma.InputJsonValue);
      return { respuesta, repetida: false };
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}
