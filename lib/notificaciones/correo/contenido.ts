// From a delivery row to the email people read: loads the reschedule, formats dates in the agency's
// zone and money in Bolivian style, and renders the React Email template to HTML and plain text.
import { plainTextSelectors, render } from "@react-email/render";
import { compile } from "html-to-text";
import { createElement, type ComponentType } from "react";
import CorreoAdmin, { asuntoAdmin } from "@/emails/reprogramacion-admin";
import CorreoCliente, { asuntoCliente } from "@/emails/reprogramacion-cliente";
import CorreoOferta, { asuntoOferta } from "@/emails/oferta-lista-espera";
import CorreoCancelacion, { asuntoCancelacion } from "@/emails/cancelacion";
import CorreoTransferencia, { asuntoTransferencia } from "@/emails/transferencia";
import type { Contacto, CorreoAdminProps, CorreoCancelacionProps, CorreoTransferenciaProps, CorreoClienteProps, CorreoOfertaProps, CuponCorreo, DescuentoCorreo, VarianteCliente } from "@/emails/tipos";
import type { Db } from "@/lib/db/client";
import { formatearFechaCorta, formatearFechaHora, zonaAgencia } from "@/lib/formato/fecha";
import { formatearMonto } from "@/lib/formato/dinero";
import type { Prisma } from "@/lib/generated/prisma/client";
import { diaDeColumna, mismaHoraEnDia } from "@/lib/reprogramacion/calendario";
import { vigentes } from "@/lib/reprogramacion/vigentes";
import { configuracionEntregas } from "../config";
import { archivoCalendario, type Adjunto } from "./calendario";
import { renderizarConPlantilla } from "./plantilla-compilada";
import { PLANTILLA_ADMIN, PLANTILLA_ADMIN_CANCELACION, PLANTILLA_ADMIN_TRANSFERENCIA, PLANTILLA_CANCELACION, PLANTILLA_TRANSFERENCIA, PLANTILLA_TRANSFERENCIA_ANTERIOR, PLANTILLAS_AGENCIA } from "../plantillas";

export const INCLUIR_HISTORIAL_CORREO = {
  reserva: { include: { usuario: true, servicios: { orderBy: { id: "asc" } } } },
  actor: true,
  cupones: { orderBy: { id: "asc" } },
} satisfies Prisma.HistorialReprogramacionInclude;
export type HistorialParaCorreo = Prisma.HistorialReprogramacionGetPayload<{ include: typeof INCLUIR_HISTORIAL_CORREO }>;

export const INCLUIR_ESPERA_CORREO = { reserva: { include: { usuario: true } } } satisfies Prisma.EntradaListaEsperaInclude;
export type EsperaParaCorreo = Prisma.EntradaListaEsperaGetPayload<{ include: typeof INCLUIR_ESPERA_CORREO }>;

export interface CorreoRenderizado {
  asunto: string;
  html: string;
  texto: string;
  adjuntos?: Adjunto[];
}

/** Missing data is not retried: the delivery is dead-lettered as DATOS_FALTANTES. */
export class DatosFaltantes extends Error {}

function descuentoCorreo(h: HistorialParaCorreo): DescuentoCorreo | null {
  if (!h.descuentoPorcentaje || !h.descuentoMonto) return null;
  const moneda = h.reserva.moneda;
  return {
    porcentaje: h.descuentoPorcentaje.toString(),
    monto: formatearMonto(h.descuentoMonto, moneda),
    totalAnterior: formatearMonto(h.totalAnterior, moneda),
    totalNuevo: formatearMonto(h.totalNuevo, moneda),
    razon: h.descuentoRazon,
  };
}

const cuponesCorreo = (h: HistorialParaCorreo, zona: string): CuponCorreo[] =>
  h.cupones.map((c) => ({
    codigo: c.codigo,
    valor: formatearMonto(c.valor, c.moneda),
    validoHasta: formatearFechaCorta(c.validoHasta, zona).split(" ")[0],
    descripcion: c.descripcion,
  }));

/** `enlaceGestion`: the client's manage link minted for this email (the worker passes one). */
export function propsCorreoCliente(h: HistorialParaCorreo, variante: VarianteCliente, contacto: Contacto, zona = zonaAgencia(), enlaceGestion: string | null = null): CorreoClienteProps {
  const { reserva } = h;
  if (!reserva.usuario.nombre.trim()) throw new DatosFaltantes("La reserva no tiene nombre de cliente");
  const url = configuracionEntregas().urlAplicacion;
  return {
    variante,
    nombreCliente: `${reserva.usuario.nombre} ${reserva.usuario.apellido}`.trim(),
    reservaId: reserva.id,
    destino: reserva.destino,
    fechaAnterior: formatearFechaHora(h.fechaAnterior, zona),
    fechaNueva: formatearFechaHora(h.fechaNueva, zona),
    zona,
    motivo: h.motivo.trim() || null,
    servicios: reserva.servicios.map((s) => ({ descripcion: s.descripcion, precio: formatearMonto(s.precio, reserva.moneda) })),
    total: formatearMonto(h.totalNuevo, reserva.moneda),
    moneda: reserva.moneda,
    costo: h.costoAplicado.gt(0) ? formatearMonto(h.costoAplicado, reserva.moneda) : null,
    descuento: descuentoCorreo(h),
    cupones: cuponesCorreo(h, zona),
    observacionesCliente: h.observacionesCliente,
    contacto,
    enlaceReserva: `${url}/reservas?reserva=${reserva.id}`,
    enlaceGestion,
    enlaceSoporte: `mailto:${contacto.email}?subject=${encodeURIComponent(`Consulta sobre mi reserva #${reserva.id}`)}`,
  };
}

export function propsCorreoAdmin(h: HistorialParaCorreo, contacto: Contacto, zona = zonaAgencia()): CorreoAdminProps {
  const { reserva } = h;
  const moneda = reserva.moneda;
  return {
    historialId: h.id,
    reservaId: reserva.id,
    destino: reserva.destino,
    cliente: { nombre: `${reserva.usuario.nombre} ${reserva.usuario.apellido}`, email: reserva.usuario.email, nivel: reserva.usuario.nivel },
    actor: { nombre: `${h.actor.nombre} ${h.actor.apellido}`, email: h.actor.email, rol: h.actor.rol },
    tipo: h.tipo,
    fechaAnterior: formatearFechaHora(h.fechaAnterior, zona),
    fechaNueva: formatearFechaHora(h.fechaNueva, zona),
    fechaRegistro: formatearFechaHora(h.createdAt, zona),
    zona,
    motivo: h.motivo,
    totalAnterior: formatearMonto(h.totalAnterior, moneda),
    totalNuevo: formatearMonto(h.totalNuevo, moneda),
    moneda,
    costo: formatearMonto(h.costoAplicado, moneda),
    descuento: descuentoCorreo(h),
    cupones: cuponesCorreo(h, zona),
    reglasAplicadas: h.reglasAplicadas,
    reglasBypass: h.reglasBypass as CorreoAdminProps["reglasBypass"],
    prioridad: h.prioridad,
    categoria: h.categoria,
    observacionesInternas: h.observacionesInternas,
    observacionesCliente: h.observacionesCliente,
    clienteNotificado: h.notificarCliente,
    contacto,
    enlaceReserva: `${configuracionEntregas().urlAplicacion}/soporte?reserva=${reserva.id}`,
  };
}

// The converter React Email's plainText option uses, compiled once (it compiles its selectors on
// every call otherwise).
const aTextoPlano = compile({ wordwrap: false, selectors: plainTextSelectors });

// One React render per email shape: the plain text is converted from the same HTML (what render's
// plainText option does after a second render of its own), and both are filled per email
// (plantilla-compilada.ts).
const renderizarCompleto = async (elemento: React.ReactElement) => {
  const html = await render(elemento);
  return { html, texto: aTextoPlano(html.replace(/^<!DOCTYPE[^>]*>/i, "")) };
};

export async function renderizar<P extends object>(Componente: ComponentType<P>, props: P, asunto: string): Promise<CorreoRenderizado> {
  return { asunto, ...(await renderizarConPlantilla(Componente, props, renderizarCompleto)) };
}

/** The same email without the compiled template: what the fill must equal (tests). */
export async function renderizarSinPlantilla<P extends object>(Componente: ComponentType<P>, props: P): Promise<{ html: string; texto: string }> {
  return renderizarCompleto(createElement(Componente, props));
}

/** From the process's copy of the settings (kept current by LISTEN/NOTIFY): no query per email. */
export async function contactoAgencia(db: Db): Promise<Contacto> {
  const { config } = await vigentes(db);
  return { agencia: config.nombreAgencia, email: config.emailSoporte, telefono: config.telefonoSoporte };
}

interface DetalleCancelacion {
  reembolso: { porcentaje: number; monto: string; costo_cancelacion: string };
  ajuste?: { porcentaje_calculado: number; razon: string; autorizado_por: string };
  politica: { nombre: string } | null;
}

export function propsCorreoCancelacion(h: HistorialParaCorreo, para: CorreoCancelacionProps["para"], contacto: Contacto, zona = zonaAgencia(), enlaceGestion: string | null = null): CorreoCancelacionProps {
  const { reserva } = h;
  const detalle = h.detalle as DetalleCancelacion | null;
  if (!detalle?.reembolso) throw new DatosFaltantes("La cancelación no tiene reembolso");
  const moneda = reserva.moneda;
  const url = configuracionEntregas().urlAplicacion;
  return {
    para,
    nombreCliente: `${reserva.usuario.nombre} ${reserva.usuario.apellido}`.trim(),
    emailCliente: reserva.usuario.email,
    reservaId: reserva.id,
    destino: reserva.destino,
    fecha: formatearFechaHora(h.fechaAnterior, zona),
    motivo: h.motivo,
    total: formatearMonto(h.totalAnterior, moneda),
    reembolso: { porcentaje: String(detalle.reembolso.porcentaje), monto: formatearMonto(detalle.reembolso.monto, moneda) },
    costo: Number(detalle.reembolso.costo_cancelacion) > 0 ? formatearMonto(detalle.reembolso.costo_cancelacion, moneda) : null,
    canceladoPor: `${h.actor.nombre} ${h.actor.apellido}`.trim(),
    fechaRegistro: formatearFechaHora(h.createdAt, zona),
    politica: detalle.politica?.nombre ?? null,
    ajuste: detalle.ajuste ? { porcentajeCalculado: String(detalle.ajuste.porcentaje_calculado), razon: detalle.ajuste.razon, autorizadoPor: detalle.ajuste.autorizado_por } : null,
    contacto,
    enlaceReserva: para === "cliente" ? (enlaceGestion ?? `${url}/reservas/${reserva.id}`) : `${url}/soporte/reservas/${reserva.id}`,
  };
}

const PARA_TRANSFERENCIA: Record<string, CorreoTransferenciaProps["para"]> = { [PLANTILLA_TRANSFERENCIA]: "nuevo", [PLANTILLA_TRANSFERENCIA_ANTERIOR]: "anterior", [PLANTILLA_ADMIN_TRANSFERENCIA]: "agencia" };

export function propsCorreoTransferencia(h: HistorialParaCorreo, para: CorreoTransferenciaProps["para"], contacto: Contacto, zona = zonaAgencia(), enlaceGestion: string | null = null): CorreoTransferenciaProps {
  const detalle = h.detalle as { de: { nombre: string; email: string }; a: { nombre: string; email: string }; costo: string } | null;
  if (!detalle?.de || !detalle.a) throw new DatosFaltantes("La transferencia no tiene titulares");
  const moneda = h.reserva.moneda;
  const url = configuracionEntregas().urlAplicacion;
  return {
    para,
    reservaId: h.reserva.id,
    destino: h.reserva.destino,
    fecha: formatearFechaHora(h.fechaAnterior, zona),
    de: detalle.de,
    a: detalle.a,
    motivo: h.motivo,
    costo: Number(detalle.costo) > 0 ? formatearMonto(detalle.costo, moneda) : null,
    total: formatearMonto(h.totalNuevo, moneda),
    hechoPor: `${h.actor.nombre} ${h.actor.apellido}`.trim(),
    contacto,
    // The previous holder gets no link: the reservation is no longer theirs.
    enlace: para === "nuevo" ? (enlaceGestion ?? `${url}/reservas/${h.reserva.id}`) : para === "agencia" ? `${url}/soporte/reservas/${h.reserva.id}` : null,
  };
}

/** Which calendar method a client's email carries: the trip as it stands, or its removal. */
function metodoCalendario(plantilla: string): "REQUEST" | "CANCEL" | null {
  if (PLANTILLAS_AGENCIA.includes(plantilla)) return null;
  return plantilla === PLANTILLA_CANCELACION || plantilla === PLANTILLA_TRANSFERENCIA_ANTERIOR ? "CANCEL" : "REQUEST";
}

/**
 * The email for one delivery: the audit email for admins, otherwise the client's variant, which
 * carries the calendar file when `calendario` says its place in the reservation's changes.
 */
export async function renderizarCorreo(h: HistorialParaCorreo, plantilla: string, contacto: Contacto, enlaceGestion: string | null = null, calendario?: { secuencia: number; para: string }): Promise<CorreoRenderizado> {
  const correo = await componerCorreo(h, plantilla, contacto, enlaceGestion);
  const metodo = metodoCalendario(plantilla);
  if (!calendario || !metodo) return correo;
  const zona = zonaAgencia();
  const enlace = metodo === "REQUEST" && enlaceGestion ? enlaceGestion : `${configuracionEntregas().urlAplicacion}/reservas/${h.reserva.id}`;
  const adjunto = archivoCalendario({ reservaId: h.reserva.id, destino: h.reserva.destino, inicio: h.fechaNueva, secuencia: calendario.secuencia, metodo, para: calendario.para, agencia: contacto.agencia, emailAgencia: contacto.email, enlace, zona });
  return { ...correo, adjuntos: [adjunto] };
}

async function componerCorreo(h: HistorialParaCorreo, plantilla: string, contacto: Contacto, enlaceGestion: string | null): Promise<CorreoRenderizado> {
  if (PARA_TRANSFERENCIA[plantilla]) {
    const props = propsCorreoTransferencia(h, PARA_TRANSFERENCIA[plantilla], contacto, zonaAgencia(), enlaceGestion);
    return renderizar(CorreoTransferencia, props, asuntoTransferencia(props));
  }
  if (plantilla === PLANTILLA_CANCELACION || plantilla === PLANTILLA_ADMIN_CANCELACION) {
    const props = propsCorreoCancelacion(h, plantilla === PLANTILLA_CANCELACION ? "cliente" : "agencia", contacto, zonaAgencia(), enlaceGestion);
    return renderizar(CorreoCancelacion, props, asuntoCancelacion(props));
  }
  if (plantilla === PLANTILLA_ADMIN) {
    const props = propsCorreoAdmin(h, contacto);
    return renderizar(CorreoAdmin, props, asuntoAdmin(props));
  }
  const props = propsCorreoCliente(h, plantilla as VarianteCliente, contacto, zonaAgencia(), enlaceGestion);
  return renderizar(CorreoCliente, props, asuntoCliente(props.reservaId));
}

/** The offer email of a waiting-list entry that reached the front of its line. */
export async function renderizarOferta(e: EsperaParaCorreo, contacto: Contacto, enlaceGestion: string | null = null, zona = zonaAgencia()): Promise<CorreoRenderizado> {
  const { reserva } = e;
  if (!reserva.usuario.nombre.trim()) throw new DatosFaltantes("La reserva no tiene nombre de cliente");
  if (!e.ofertaVenceAt) throw new DatosFaltantes("La entrada de la lista de espera no tiene oferta");
  const props: CorreoOfertaProps = {
    nombreCliente: `${reserva.usuario.nombre} ${reserva.usuario.apellido}`.trim(),
    reservaId: reserva.id,
    destino: reserva.destino,
    fechaActual: formatearFechaHora(reserva.fechaInicio, zona),
    fechaOfrecida: formatearFechaHora(mismaHoraEnDia(diaDeColumna(e.dia), reserva.fechaInicio, zona), zona),
    venceEl: formatearFechaHora(e.ofertaVenceAt, zona),
    contacto,
    enlaceReserva: `${configuracionEntregas().urlAplicacion}/reservas/${reserva.id}`,
    enlaceGestion,
  };
  return renderizar(CorreoOferta, props, asuntoOferta(reserva.id));
}
