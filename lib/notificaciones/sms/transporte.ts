// Where SMS go: Twilio's Messages API through the official SDK when TWILIO_ACCOUNT_SID,
// TWILIO_AUTH_TOKEN and a sender (TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID) are set, otherwise
// the development mailbox (readable at /dev/correos). TWILIO_API_URL points the SDK at another host
// (the local stand-in the tests use). With TWILIO_STATUS_CALLBACK_URL, Twilio reports what became of
// each message (informe.ts). Error texts keep status and code only: Twilio's messages echo
// the number.
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import type { Db } from "@/lib/db/client";
import { guardarEnBuzon } from "../correo/buzon";
import type { ResultadoEnvio } from "../correo/transporte";
import { urlInformeSms } from "./informe";

export interface MensajeSms {
  entregaId: number;
  para: string;
  texto: string;
}

export interface TransporteSms {
  nombre: "twilio" | "buzon";
  enviar(mensaje: MensajeSms): Promise<ResultadoEnvio>;
}

interface ConfiguracionTwilio {
  cuenta: string;
  token: string;
  remitente: { from: string } | { messagingServiceSid: string };
  apiUrl: string | null;
}

export function configuracionTwilio(): ConfiguracionTwilio | null {
  const cuenta = process.env.TWILIO_ACCOUNT_SID;
  const token = process.env.TWILIO_AUTH_TOKEN;
  const servicio = process.env.TWILIO_MESSAGING_SERVICE_SID;
  const from = process.env.TWILIO_FROM;
  if (!cuenta || !token || !(servicio || from)) return null;
  return { cuenta, token, remitente: servicio ? { messagingServiceSid: servicio } : { from: from! }, apiUrl: process.env.TWILIO_API_URL?.replace(/\/$/, "") || null };
}

// Twilio's errors about the number itself: not retried, the number has to be corrected.
// 21211 invalid 'To', 21214 not reachable, 21408 region not enabled, 21610 the person replied STOP,
// 21612 not routable, 21614 not a mobile.
const CODIGOS_DESTINATARIO = new Set([21211, 21214, 21408, 21610, 21612, 21614]);

export function clasificarErrorTwilio(error: { status?: number; code?: number }): Extract<ResultadoEnvio, { ok: false }> {
  const estado = typeof error.status === "number" ? error.status : null;
  if (estado === null) return { ok: false, tipo: "RED", error: "Sin respuesta de Twilio", reintentable: true };
  const texto = `Twilio HTTP ${estado}${error.code ? ` código ${error.code}` : ""}`;
  if (estado === 429 || estado >= 500) return { ok: false, tipo: "PROVEEDOR", error: texto, reintentable: true };
  if (error.code && CODIGOS_DESTINATARIO.has(error.code)) return { ok: false, tipo: "DESTINATARIO_INVALIDO", error: texto, reintentable: false };
  return { ok: false, tipo: "PROVEEDOR", error: texto, reintentable: false };
}

/** The SDK's own HTTP client, sent to another host: auth, form encoding and errors stay the SDK's. */
class ClienteHaciaOtroHost extends twilio.RequestClient {
  constructor(private readonly base: string) {
    super();
  }
  request<T>(opciones: RequestClient.RequestOptions<T>) {
    return super.request<T>({ ...opciones, uri: opciones.uri.replace(/^https:\/\/api\.twilio\.com/, this.base) });
  }
}

// One client per process, rebuilt if the settings change (tests switch them).
let clienteActual: { clave: string; cliente: ReturnType<typeof twilio> } | null = null;

function clienteTwilio(c: ConfiguracionTwilio) {
  const clave = `${c.cuenta}:${c.token}:${c.apiUrl}`;
  if (clienteActual?.clave !== clave) {
    clienteActual = { clave, cliente: twilio(c.cuenta, c.token, c.apiUrl ? { httpClient: new ClienteHaciaOtroHost(c.apiUrl) } : {}) };
  }
  return clienteActual.cliente;
}

function transporteTwilio(c: ConfiguracionTwilio): TransporteSms {
  return {
    nombre: "twilio",
    async enviar(m) {
      try {
        const informe = urlInformeSms(m.entregaId);
        const mensaje = await clienteTwilio(c).messages.create({ to: m.para, body: m.texto, ...c.remitente, ...(informe ? { statusCallback: informe } : {}) });
        return { ok: true, proveedorId: mensaje.sid };
      } catch (error) {
        return clasificarErrorTwilio(error as { status?: number; code?: number });
      }
    },
  };
}

function buzonDesarrollo(db: Db): TransporteSms {
  return {
    nombre: "buzon",
    async enviar(m) {
      return { ok: true, proveedorId: await guardarEnBuzon(db, { entregaId: m.entregaId, canal: "SMS", para: m.para, asunto: "SMS", html: "", texto: m.texto }) };
    },
  };
}

export function transporteSms(db: Db): TransporteSms {
  const twilioConfigurado = configuracionTwilio();
  return twilioConfigurado ? transporteTwilio(twilioConfigurado) : buzonDesarrollo(db);
}
