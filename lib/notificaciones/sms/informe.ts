// Twilio's status callbacks. Accepting an SMS ("queued") is not reaching the phone: when
// TWILIO_STATUS_CALLBACK_URL is set, each message carries that URL (with its delivery id) and Twilio
// reports there whether it left ("sent") and arrived ("delivered") or not ("undelivered", "failed",
// with an error code such as 30003 unreachable or 30006 landline).
//
// Each report is signed (X-Twilio-Signature: HMAC-SHA1 with the auth token over the exact URL and the
// sorted parameters) and checked with the SDK before anything is read. Reports may arrive out of
// order or twice: a delivery's reported state only moves forward.
import twilio from "twilio";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { idDeConsulta, parsearCon } from "@/lib/validacion";

/** How far along each state is; the three final ones share the last step. */
const PASO: Record<string, number> = { accepted: 0, scheduled: 0, queued: 1, sending: 2, sent: 3, delivered: 4, undelivered: 4, failed: 4, canceled: 4 };
const ESTADOS = Object.keys(PASO) as [string, ...string[]];

const informeSchema = z.object({
  MessageSid: z.string().regex(/^[SM]M[0-9a-f]{32}$/, "No es un SID de mensaje de Twilio"),
  MessageStatus: z.enum(ESTADOS, { error: "Estado de mensaje desconocido" }),
  ErrorCode: z.string().regex(/^\d{1,6}$/, "Código de error inválido").optional(),
});

const consultaSchema = z.object({ entrega: idDeConsulta }).strict();

/** The callback URL for one SMS delivery, or null when reports are not configured. */
export function urlInformeSms(entregaId: number): string | null {
  const base = process.env.TWILIO_STATUS_CALLBACK_URL;
  return base ? `${base}?entrega=${entregaId}` : null;
}

/**
 * Records one signed report. `consulta` is the query string the request arrived with: Twilio signs the
 * URL it was given, so the check uses the configured base (what a proxy in front cannot change) plus it.
 */
export async function registrarInformeSms(db: Db, { consulta, firma, parametros }: { consulta: string; firma: string | null; parametros: Record<string, string> }) {
  const base = process.env.TWILIO_STATUS_CALLBACK_URL;
  const token = process.env.TWILIO_AUTH_TOKEN;
  if (!base || !token) throw new ErrorDominio(404, "NO_ENCONTRADO", "Los informes de estado de SMS no están configurados.");
  if (!firma || !twilio.validateRequest(token, firma, `${base}${consulta}`, parametros))
    throw new ErrorDominio(403, "FIRMA_INVALIDA", "La firma del informe de Twilio no es válida.");
  const { entrega } = parsearCon(consultaSchema, Object.fromEntries(new URLSearchParams(consulta)), "El informe no indica una entrega válida.");
  const informe = parsearCon(informeSchema, parametros, "El informe de Twilio no es válido.");
  // Matching the SID too: a report only ever touches the message Twilio was asked to send.
  const actualizadas = await db.$executeRaw`
    UPDATE entrega_notificacion
    SET estado_proveedor = ${informe.MessageStatus}, codigo_proveedor = ${informe.ErrorCode ?? null}, estado_proveedor_at = now()
    WHERE id = ${entrega} AND canal = 'SMS' AND proveedor_id = ${informe.MessageSid}
      AND coalesce((${JSON.stringify(PASO)}::jsonb ->> estado_proveedor)::int, -1) < ${PASO[informe.MessageStatus]}`;
  return { registrado: actualizadas > 0 };
}
