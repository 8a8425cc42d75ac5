// Ending a server process cleanly. Next.js's own SIGTERM handler stops accepting connections and
// waits for every open response before it exits; a live feed or a progress stream never ends by
// itself, so a rolling deploy would wait on it forever while the old process's worker kept
// delivering. On SIGTERM or SIGINT this signal fires: the streams end (browsers reconnect to the
// new process on their own) and the in-server worker stops. Kept on globalThis: route handlers and
// instrumentation are bundled apart and would otherwise each get their own copy.
import { setMaxListeners } from "node:events";

const global = globalThis as unknown as { apagado?: AbortController; apagadoInstalado?: boolean };

// Every open live feed listens to the one signal: no "possible leak" warning past ten of them.
function controlador() {
  if (!global.apagado) {
    global.apagado = new AbortController();
    setMaxListeners(0, global.apagado.signal);
  }
  return global.apagado;
}

/** Fires once when the process is asked to stop. */
export function senalDeApagado(): AbortSignal {
  return controlador().signal;
}

/** Turns SIGTERM and SIGINT into that signal; once per process, however often it is called. */
export function instalarApagado() {
  if (global.apagadoInstalado) return;
  global.apagadoInstalado = true;
  const control = controlador();
  process.once("SIGTERM", () => control.abort());
  process.once("SIGINT", () => control.abort());
}

/** Runs `detener` when the process is asked to stop (e.g. the in-server worker's stop). */
export function alApagar(detener: () => Promise<unknown>) {
  senalDeApagado().addEventListener("abort", () => void detener().catch(() => {}), { once: true });
}

/**
 * The last line a stream sends when the server is stopping. A browser reconnects after `retry`, on
 * the same keep-alive connection if it is still open; Node closes an idle connection only after 5 s
 * (its keepAliveTimeout), so a 3 s retry would keep this process answering forever. After 10 s the
 * connection is gone and the browser's new request reaches a live instance.
 */
export const REINTENTO_TRAS_APAGADO = "retry: 10000\n\n";
