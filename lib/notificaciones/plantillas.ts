// Template names: stored on each delivery, reported in the reschedule response, used by metrics.
import type { TipoReprogramacion } from "@/lib/generated/prisma/enums";

export const PLANTILLA_ADMIN = "reprogramacion_auditoria";
export const PLANTILLA_ADMIN_CANCELACION = "cancelacion_auditoria";
export const PLANTILLA_CANCELACION = "cancelacion";
export const PLANTILLA_CANCELACION_SMS = "cancelacion_sms";
export const PLANTILLA_TRANSFERENCIA = "transferencia";
export const PLANTILLA_TRANSFERENCIA_ANTERIOR = "transferencia_anterior";
export const PLANTILLA_ADMIN_TRANSFERENCIA = "transferencia_auditoria";
/** The agency's own copies (audit emails to the admins): never the client's. */
export const PLANTILLAS_AGENCIA = [PLANTILLA_ADMIN, PLANTILLA_ADMIN_CANCELACION, PLANTILLA_ADMIN_TRANSFERENCIA];
export const esCopiaAgencia = (plantilla: string) => PLANTILLAS_AGENCIA.includes(plantilla);
export const PLANTILLA_EVENTO = "evento_reprogramacion";
export const PLANTILLA_SMS = "reprogramacion_sms";
export const PLANTILLA_OFERTA = "oferta_lista_espera";
export const PLANTILLA_OFERTA_SMS = "oferta_lista_espera_sms";

export type PlantillaCliente = "reprogramacion" | "reprogramacion_con_descuento" | "reprogramacion_administrativa";

export function plantillaCliente(tipo: TipoReprogramacion, conDescuento: boolean): PlantillaCliente {
  if (tipo === "ADMINISTRATIVA") return "reprogramacion_administrativa";
  return conDescuento ? "reprogramacion_con_descuento" : "reprogramacion";
}

/** Account emails (lib/cuenta/correos.ts). */
export const PLANTILLA_CUENTA = {
  invitacion: "cuenta_invitacion",
  bienvenida: "cuenta_bienvenida",
  recuperacion: "cuenta_recuperacion",
  acceso: "cuenta_acceso",
} as const;
