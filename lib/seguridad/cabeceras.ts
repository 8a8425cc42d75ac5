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

const CABECERAS_COMUNES: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
};
// Two years, as HSTS preload lists ask. Only when the app's public address is https: over plain http
// (development, tests) the header would be ignored at best and lock a host out of http at worst.
const HSTS = { "strict-transport-security": "max-age=63072000; includeSubDomains" };

/** Headers every response carries, pages and API alike. */
export function cabecerasComunes(urlPublica = process.env.NEXTAUTH_URL ?? ""): Record<string, string> {
  return urlPublica.startsWith("https://") ? { ...CABECERAS_COMUNES, ...HSTS } : CABECERAS_COMUNES;
}

/** The request's id: a well-formed one from upstream (a proxy or load balancer), else a new UUID. */
export function idDeSolicitud(recibido: string | null): string {
  // Letters, digits and dashes only, with at least one letter: nothing in it can read as an email or a phone number in the log.
  return recibido && /^[A-Za-z0-9-]{16,80}$/.test(recibido) && /[A-Za-z]/.test(recibido) ? recibido : crypto.randomUUID();
}

export function nuevoNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
