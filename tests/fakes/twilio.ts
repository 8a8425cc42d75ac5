// A local HTTP server that answers POST /2010-04-01/Accounts/{sid}/Messages.json like Twilio's
// Messages API: Basic auth with the account SID and auth token, a form-encoded body (To, Body, and
// From or MessagingServiceSid), 201 with the message resource, 400 code 21211 for numbers it is told
// are invalid, and scripted failures (503, 429) for retry tests.
import { randomBytes } from "node:crypto";
import { escuchar, leerCuerpo, responder } from "./http";

export interface SmsTwilio {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
}

export interface PeticionTwilio {
  to: string;
  respondida: number;
  en: number;
}

export async function iniciarTwilioFalso({ cuenta, token }: { cuenta: string; token: string }) {
  const peticiones: PeticionTwilio[] = [];
  const enviados: SmsTwilio[] = [];
  const invalidos = new Set<string>();
  let fallos: number[] = [];
  const ruta = `/2010-04-01/Accounts/${cuenta}/Messages.json`;
  const autorizacion = `Basic ${Buffer.from(`${cuenta}:${token}`).toString("base64")}`;
  const error = (estado: number, code: number, message: string) => ({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status: estado });

  const servidor = await escuchar(async (req, res) => {
    const camino = new URL(req.url ?? "/", "http://x").pathname;
    if (req.method !== "POST" || camino !== ruta) return responder(res, 404, error(404, 20404, "The requested resource was not found"));
    if (req.headers.authorization !== autorizacion) return responder(res, 401, error(401, 20003, "Authenticate"));
    if (!String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded")) return responder(res, 400, error(400, 21620, "Invalid body"));
    const form = new URLSearchParams(await leerCuerpo(req));
    const to = form.get("To") ?? "";
    const fallo = fallos.shift();
    const estado = fallo ?? (!to || !form.get("Body") ? 400 : invalidos.has(to) ? 400 : !form.get("From") && !form.get("MessagingServiceSid") ? 400 : 201);
    peticiones.push({ to, respondida: estado, en: Date.now() });
    if (fallo === 429) return responder(res, 429, error(429, 20429, "Too Many Requests"));
    if (fallo) return responder(res, fallo, error(fallo, 20500, "Service unavailable"));
    if (!to) return responder(res, 400, error(400, 21604, "A 'To' phone number is required."));
    if (!form.get("Body")) return responder(res, 400, error(400, 21602, "Message body is required."));
    if (invalidos.has(to)) return responder(res, 400, error(400, 21211, `The 'To' number ${to} is not a valid phone number.`));
    if (estado === 400) return responder(res, 400, error(400, 21603, "The source 'from' phone number is required to send an SMS"));
    const sms: SmsTwilio = { sid: `SM${randomBytes(16).toString("hex")}`, to, from: form.get("From"), messagingServiceSid: form.get("MessagingServiceSid"), body: form.get("Body")! };
    enviados.push(sms);
    return responder(res, 201, {
      sid: sms.sid,
      account_sid: cuenta,
      to: sms.to,
      from: sms.from,
      messaging_service_sid: sms.messagingServiceSid,
      body: sms.body,
      status: "queued",
      num_segments: "1",
      direction: "outbound-api",
      date_created: new Date().toUTCString(),
      uri: `${ruta.replace(".json", "")}/${sms.sid}.json`,
    });
  });

  return {
    url: servidor.url,
    peticiones,
    enviados,
    /** Twilio answers 400 / 21211 for this number. */
    rechazarNumero(numero: string) {
      invalidos.add(numero);
    },
    /** The next requests fail with these statuses, in order. */
    fallarProximas(...estados: number[]) {
      fallos = estados;
    },
    cerrar: servidor.cerrar,
  };
}
export type TwilioFalso = Awaited<ReturnType<typeof iniciarTwilioFalso>>;
