// §4's alternativas_sugeridas and §7's alternativas: only what this reservation can do now, with
// the real figures and the endpoint to call. Cancelling comes with the same quote the cancel
// endpoint applies, a transfer with the fee and deadline the transfer endpoint applies; the waiting
// list only where the date is full and the rules allow it.
import type { Rol } from "@/lib/generated/prisma/enums";
import { formatearMonto } from "@/lib/formato/dinero";
import type { Configuracion } from "@/lib/reprogramacion/datos";
import type { Regla } from "@/lib/reprogramacion/reglas";
import type { ReservaCompleta } from "@/lib/reservas/serializar";
import { politicasDe, transferenciaSegun } from "./aplicables";
import { cotizarCancelacion } from "./politicas";
import { formatearFechaCorta } from "@/lib/formato/fecha";

export interface Alternativa {
  opcion: string;
  accion: "CANCELAR" | "TRANSFERIR" | "LISTA_ESPERA" | "CONTACTAR_SOPORTE";
  descripcion: string;
  /** Where to go: the quote for CANCELAR, the list for LISTA_ESPERA. */
  endpoint?: string;
  porcentaje_reembolso?: number;
  reembolso_porcentaje?: number;
  monto_reembolso?: string;
  costo_transferencia?: string;
  fecha_limite?: string;
  contacto?: { email: string; telefono: string };
}

export function alternativasDe(
  reglas: Regla[],
  config: Configuracion,
  reserva: ReservaCompleta,
  rol: Rol,
  ahora: Date,
  zona: string,
  opciones: { listaEspera?: string | null } = {},
): Alternativa[] {
  const { cancelacion, transferencia } = politicasDe(reglas, config, reserva, rol, ahora, zona);
  const traspaso = transferenciaSegun(transferencia, reserva, ahora, zona);
  const cotizacion = cotizarCancelacion(cancelacion.politica, reserva, ahora, zona);
  const alternativas: Alternativa[] = [];
  if (opciones.listaEspera)
    alternativas.push({ opcion: "Lista de espera", accion: "LISTA_ESPERA", descripcion: `Puede esperar un lugar el ${opciones.listaEspera}: si se libera, se lo ofrecemos`, endpoint: `/api/reservas/${reserva.id}/lista-espera/` });
  if (cotizacion.puede_cancelar) {
    const pct = cotizacion.porcentaje_reembolso;
    const monto = formatearMonto(cotizacion.monto_reembolso, reserva.moneda);
    alternativas.push({
      opcion: pct === 100 ? "Cancelación con reembolso total" : pct > 0 ? "Cancelación con reembolso parcial" : "Cancelación sin reembolso",
      accion: "CANCELAR",
      descripcion: pct > 0 ? `Puede cancelar y recibir ${pct}% de reembolso (${monto})` : "Puede cancelar, sin reembolso según la política de la agencia",
      endpoint: `/api/reservas/${reserva.id}/cancelacion/`,
      porcentaje_reembolso: pct,
      reembolso_porcentaje: pct,
      monto_reembolso: cotizacion.monto_reembolso,
    });
  }
  if (traspaso.permitida)
    alternativas.push({
      opcion: "Transferir a otro usuario",
      accion: "TRANSFERIR",
      descripcion: `Puede transferir la reserva a otra persona hasta el ${formatearFechaCorta(traspaso.fecha_limite!, zona)}${Number(traspaso.costo) > 0 ? ` (costo ${formatearMonto(traspaso.costo, reserva.moneda)})` : ""}`,
      endpoint: `/api/reservas/${reserva.id}/transferir/`,
      costo_transferencia: traspaso.costo,
      fecha_limite: traspaso.fecha_limite!,
    });
  alternativas.push({
    opcion: "Contactar a soporte",
    accion: "CONTACTAR_SOPORTE",
    descripcion: `Escriba a ${config.emailSoporte} o llame al ${config.telefonoSoporte}`,
    contacto: { email: config.emailSoporte, telefono: config.telefonoSoporte },
  });
  return alternativas;
}
