// Live feed transport: Pusher Channels when PUSHER_* is set, otherwise the built-in SSE stream fed
// by PostgreSQL LISTEN/NOTIFY. The browser receives the result of configuracionNavegador().
export const CANAL_SOPORTE = "private-soporte-reprogramaciones";
export const EVENTO_REPROGRAMACION = "reprogramacion";
export const CANAL_POSTGRES = "reprogramaciones_en_vivo";
export const RUTA_STREAM = "/api/realtime/stream";
export const RUTA_AUTH_PUSHER = "/api/realtime/auth";

export interface OpcionesPusher {
  appId: string;
  key: string;
  secret: string;
  cluster?: string;
  host?: string;
  port?: string;
  useTLS: boolean;
}

export function configuracionPusher(): OpcionesPusher | null {
  const { PUSHER_APP_ID: appId, PUSHER_KEY: key, PUSHER_SECRET: secret, PUSHER_CLUSTER: cluster, PUSHER_HOST: host } = process.env;
  if (!appId || !key || !secret || (!cluster && !host)) return null;
  return {
    appId,
    key,
    secret,
    cluster: cluster || undefined,
    host: host || undefined,
    port: process.env.PUSHER_PORT || undefined,
    useTLS: process.env.PUSHER_USE_TLS ? process.env.PUSHER_USE_TLS !== "false" : !host,
  };
}

export type ConfiguracionTiempoReal =
  | { tipo: "pusher"; key: string; cluster: string; wsHost?: string; wsPort?: number; forceTLS: boolean; canal: string; evento: string; authEndpoint: string }
  | { tipo: "sse"; url: string; evento: string };

/** Only public values: the key, never the secret. */
export function configuracionNavegador(): ConfiguracionTiempoReal {
  const pusher = configuracionPusher();
  if (!pusher) return { tipo: "sse", url: RUTA_STREAM, evento: EVENTO_REPROGRAMACION };
  return {
    tipo: "pusher",
    key: pusher.key,
    cluster: pusher.cluster ?? "mt1",
    wsHost: process.env.PUSHER_WS_HOST || pusher.host,
    wsPort: Number(process.env.PUSHER_WS_PORT || pusher.port) || undefined,
    forceTLS: pusher.useTLS,
    canal: CANAL_SOPORTE,
    evento: EVENTO_REPROGRAMACION,
    authEndpoint: RUTA_AUTH_PUSHER,
  };
}
