// Security headers for every response, set once in proxy.ts. Scripts run only with the request's
// nonce ('strict-dynamic' lets Next.js' own chunks load theirs); styles allow inline because React
// style attributes and Tailwind need it and carry no script. The live feed may connect to Pusher.
import { configuracionNavegador } from "@/lib/notificaciones/tiempo-real/configuracion";

/** Where the browser may open connections besides this origin: Pusher's WebSocket and fallbacks. */
function origenesTiempoReal(): string[] {
  const config = configuracionNavegador();
  if (config.tipo !== "pusher") return [];
  if (config.wsHost) {
    const puerto = config.wsPort ? `:${config.wsPort}` : "";
    return [`${config.forceTLS ? "wss" : "ws"}://${config.wsHost}${puerto}`, `${config.forceTLS ? "https" : "http"}://${config.wsHost}${puerto}`];
  }
  return [`wss://ws-${config.cluster}.pusher.com`, `https://sockjs-${config.cluster}.pusher.com`];
}

export function politicaDeContenido(nonce: string, desarrollo = process.env.NODE_ENV !== "production"): string {
  return [
    "default-src 'self'",
    // Development only: React's dev build evaluates code for fast refresh and stack traces.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${desarrollo ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ["connect-src 'self'", ...origenesTiempoReal()].join(" "),
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers every response carries, pages and API alike. */
export const CABECERAS_COMUNES: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

export function nuevoNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
