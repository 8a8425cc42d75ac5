// A local HTTP server that answers POST /2010-04-01/Accounts/{sid}/Messages.json like Twilio's
// Messages API: Basic auth with the account SID and auth token, a form-encoded body (To, Body, and
// From or MessagingServiceSid), 201 with the message resource, 400 code 21211 for numbers it is told
// are invalid, and scripted failures (503, 429) for retry tests.
//
// Like Twilio, when a message carries a StatusCallback it later POSTs signed status reports there:
// X-Twilio-Signature = base64(HMAC-SHA1(auth token, URL + each parameter name and value, sorted by
// name)), computed here by hand rather than with the SDK the app checks it with. With
// `informarAuto`, every accepted message reports "sent" then "delivered" (or "undelivered", 30003, for
// numbers posted to /__pruebas/no-entregable); `informar` sends any report. GET /__pruebas/enviados
// and POST /__pruebas/informar expose the same to a test in another process.
import { createHmac, randomBytes } from "node:crypto";
import { escuchar, leerCuerpo, responder } from "./http";

export interface SmsTwilio {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
}

export interface PeticionTwilio {
  to: string;
  respondida: number;
  en: number;
}

/** Twilio's request signature over a URL and form parameters. */
export function firmaTwilio(token: string, url: string, parametros: Record<string, string>) {
  const datos = url + Object.keys(parametros).sort().map((k) => k + parametros[k]).join("");
  return createHmac("sha1", token).update(datos, "utf8").digest("base64");
}

export async function iniciarTwilioFalso({ cuenta, token, informarAuto = false }: { cuenta: string; token: string; informarAuto?: boolean }) {
  const peticiones: PeticionTwilio[] = [];
  const enviados: SmsTwilio[] = [];
  const invalidos = new Set<string>();
  let fallos: number[] = [];
  const ruta = `/2010-04-01/Accounts/${cuenta}/Messages.json`;
  const autorizacion = `Basic ${Buffer.from(`${cuenta}:${token}`).toString("base64")}`;
  const error = (estado: number, code: number, message: string) => ({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status: estado });

  /** POSTs one signed status report for a message to its StatusCallback; the app's HTTP status. */
  async function informar(sid: string, estado: string, codigo?: string): Promise<number> {
    const sms = enviados.find((e) => e.sid === sid);
    if (!sms?.statusCallback) throw new Error(`El mensaje ${sid} no pidió informes`);
    const parametros: Record<string, string> = {
      AccountSid: cuenta, ApiVersion: "2010-04-01", From: sms.from ?? "", MessageSid: sid, MessageStatus: estado, SmsSid: sid, SmsStatus: estado, To: sms.to,
      ...(codigo ? { ErrorCode: codigo } : {}),
    };
    const r = await fetch(sms.statusCallback, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": firmaTwilio(token, sms.statusCallback, parametros) },
      body: new URLSearchParams(parametros),
    });
    informes.push({ sid, estado, respondida: r.status });
    return r.status;
  }
  const informes: { sid: string; estado: string; respondida: number }[] = [];
  // Accepted, then reported undelivered (the phone is off, say).
  const noEntregables = new Set<string>();

  const servidor = await escuchar(async (req, res) => {
    const camino = new URL(req.url ?? "/", "http://x").pathname;
    if (camino === "/__pruebas/enviados") return responder(res, 200, { enviados, informes });
    if (camino === "/__pruebas/no-entregable" && req.method === "POST") {
      noEntregables.add(JSON.parse(await leerCuerpo(req)).numero);
      return responder(res, 200, { ok: true });
    }
    if (camino === "/__pruebas/informar" && req.method === "POST") {
      const { sid, estado, codigo } = JSON.parse(await leerCuerpo(req));
      return responder(res, 200, { respondida: await informar(sid, estado, codigo) });
    }
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
    const sms: SmsTwilio = { sid: `SM${randomBytes(16).toString("hex")}`, to, from: form.get("From"), messagingServiceSid: form.get("MessagingServiceSid"), body: form.get("Body")!, statusCallback: form.get("StatusCallback") };
    enviados.push(sms);
    if (informarAuto && sms.statusCallback) {
      // After the answer, as Twilio does: the carrier's progress arrives later. 30003: unreachable.
      const final = () => (noEntregables.has(to) ? informar(sms.sid, "undelivered", "30003") : informar(sms.sid, "delivered"));
      setTimeout(() => informar(sms.sid, "sent").then(final).catch(() => {}), 50);
    }
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
    informes,
    informar,
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
