// The SMS texts: short (one 160-character GSM-7 segment where the agency name allows), with the
// reservation number, the date in the agency's zone and a link. Fields that do not fit are dropped
// before the link is.
import { formatearFechaCorta, zonaAgencia } from "@/lib/formato/fecha";
import { configuracionEntregas } from "../config";
import { LARGO_SMS, largoGsm7, textoGsm7 } from "./gsm7";

/** The first candidate that fits one segment, or the shortest one. */
function elegir(candidatos: string[]): string {
  const textos = candidatos.map(textoGsm7);
  return textos.find((t) => largoGsm7(t) <= LARGO_SMS) ?? textos.at(-1)!;
}

const enlaceReserva = (reservaId: number) => `${configuracionEntregas().urlAplicacion}/reservas/${reservaId}`;

/** `enlace`: the client's manage link (the worker mints one per message); the reservation page otherwise. */
export function smsReprogramacion(d: { agencia: string; reservaId: number; destino: string; fechaNueva: Date; enlace?: string }, zona = zonaAgencia()): string {
  const fecha = `${formatearFechaCorta(d.fechaNueva, zona)} (${zona})`;
  const enlace = d.enlace ?? enlaceReserva(d.reservaId);
  return elegir([
    `${d.agencia}: su reserva #${d.reservaId} a ${d.destino} fue reprogramada al ${fecha}. Detalle: ${enlace}`,
    `${d.agencia}: su reserva #${d.reservaId} fue reprogramada al ${fecha}. Detalle: ${enlace}`,
    `Reserva #${d.reservaId} reprogramada al ${fecha}. ${enlace}`,
  ]);
}

export function smsOferta(d: { agencia: string; reservaId: number; dia: string; venceAt: Date; enlace?: string }, zona = zonaAgencia()): string {
  const [anio, mes, dia] = d.dia.split("-");
  const vence = `${formatearFechaCorta(d.venceAt, zona)} (${zona})`;
  const enlace = d.enlace ?? enlaceReserva(d.reservaId);
  return elegir([
    `${d.agencia}: se libero un lugar el ${dia}/${mes}/${anio} para su reserva #${d.reservaId}. Acepte antes del ${vence}: ${enlace}`,
    `Lugar libre el ${dia}/${mes}/${anio} para su reserva #${d.reservaId}. Acepte antes del ${vence}: ${enlace}`,
  ]);
}

export function smsCancelacion(d: { agencia: string; reservaId: number; destino: string; reembolso: string; enlace?: string }): string {
  const enlace = d.enlace ?? enlaceReserva(d.reservaId);
  return elegir([
    `${d.agencia}: su reserva #${d.reservaId} a ${d.destino} fue cancelada. Reembolso: ${d.reembolso}. Detalle: ${enlace}`,
    `${d.agencia}: su reserva #${d.reservaId} fue cancelada. Reembolso: ${d.reembolso}. ${enlace}`,
    `Reserva #${d.reservaId} cancelada. Reembolso ${d.reembolso}. ${enlace}`,
  ]);
}
