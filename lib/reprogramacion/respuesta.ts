// Reschedule responses, shaped like seed 003: §1 (client) and §2 (operator) share one flat body;
// §3 (administrative) nests the reservation and the benefits.
import { plantillaCliente } from "@/lib/notificaciones/plantillas";
import { dinero, iso } from "@/lib/reservas/serializar";
import type { ResultadoReprogramacion } from "./reprogramar";
import type { Veredicto } from "./reglas";

export const validacionAplicada = (v: Veredicto) => ({ regla: v.regla.tipoRegla, resultado: "APROBADO", detalle: v.detalle });

function notificaciones(r: ResultadoReprogramacion) {
  return { ...r.notificaciones, notificar_cliente: r.historial.notificarCliente, template_usado: plantillaCliente(r.tipo, Boolean(r.descuento)) };
}

function descuentoAplicado(r: ResultadoReprogramacion) {
  if (!r.descuento) return null;
  return {
    porcentaje: r.descuento.porcentaje,
    monto_descuento: r.descuento.monto.toFixed(2),
    total_anterior: r.descuento.totalAnterior.toFixed(2),
    total_nuevo: r.descuento.totalNuevo.toFixed(2),
    razon: r.razonDescuento,
  };
}

const cuponSerializado = (c: ResultadoReprogramacion["cupones"][number]) => ({
  codigo: c.codigo,
  valor: dinero(c.valor),
  valido_hasta: iso(c.validoHasta),
  descripcion: c.descripcion,
});

export function respuestaReprogramacion(r: ResultadoReprogramacion) {
  const { reserva, historial } = r;
  const base = {
    id: reserva.id,
    usuario: reserva.usuarioId,
    fecha_inicio: iso(reserva.fechaInicio),
    estado: reserva.estado,
    fecha_anterior: iso(historial.fechaAnterior),
    fecha_original: iso(reserva.fechaOriginal),
    fecha_reprogramacion: iso(reserva.fechaReprogramacion),
    motivo_reprogramacion: reserva.motivoReprogramacion,
    numero_reprogramaciones: reserva.numeroReprogramaciones,
    reprogramado_por: reserva.reprogramadoPorId,
    tipo_reprogramacion: r.tipo,
    total: dinero(reserva.total),
    moneda: reserva.moneda,
    costo_reprogramacion: r.costo.toFixed(2),
    historial_id: historial.id,
    validaciones_aplicadas: r.evaluacion.veredictos.filter((v) => !r.reglasBypass.some((b) => b.regla === v.regla.tipoRegla)).map(validacionAplicada),
    notificaciones: notificaciones(r),
  };
  if (r.actor.rol === "CLIENTE") return base;
  if (r.actor.rol === "OPERADOR") {
    return {
      ...base,
      descuento_aplicado: descuentoAplicado(r),
      prioridad: historial.prioridad,
      operador: { id: r.actor.id, nombre: `${r.actor.nombre} ${r.actor.apellido}`, departamento: r.actor.departamento },
    };
  }
  return {
    reprogramacion_exitosa: true,
    reserva: {
      id: reserva.id,
      usuario: reserva.usuarioId,
      fecha_inicio: iso(reserva.fechaInicio),
      fecha_anterior: iso(historial.fechaAnterior),
      fecha_original: iso(reserva.fechaOriginal),
      estado: reserva.estado,
      tipo_reprogramacion: r.tipo,
      numero_reprogramaciones: reserva.numeroReprogramaciones,
      total: dinero(reserva.total),
      moneda: reserva.moneda,
    },
    beneficios_aplicados: {
      descuento: r.descuento
        ? {
            porcentaje: r.descuento.porcentaje,
            monto: r.descuento.monto.toFixed(2),
            total_anterior: r.descuento.totalAnterior.toFixed(2),
            total_nuevo: r.descuento.totalNuevo.toFixed(2),
          }
        : null,
      compensacion: r.cupones.length
        ? { cupon_generado: cuponSerializado(r.cupones[0]), cupones_generados: r.cupones.map(cuponSerializado) }
        : null,
    },
    reglas_bypass: r.reglasBypass,
    validaciones_aplicadas: base.validaciones_aplicadas,
    categoria_reprogramacion: historial.categoria,
    prioridad: historial.prioridad,
    aprobado_por: r.actor.email,
    historial_id: historial.id,
    notificaciones: { ...notificaciones(r), mensaje_personalizado: Boolean(historial.observacionesCliente) },
    operador: { id: r.actor.id, nombre: `${r.actor.nombre} ${r.actor.apellido}`, departamento: r.actor.departamento },
  };
}

/** The new start in any reschedule response: flat in §1 and §2, under `reserva` in §3. */
export function fechaNuevaDe(respuesta: object): string {
  const r = respuesta as { fecha_inicio?: string; reserva?: { fecha_inicio: string } };
  return r.fecha_inicio ?? r.reserva!.fecha_inicio;
}
