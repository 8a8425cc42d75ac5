// Ending a server process cleanly. Next.js's own SIGTERM handler stops accepting connections and
// waits for every open response before it exits; a live feed or a progress stream never ends by
// itself, so a rolling deploy would wait on it forever while the old process's worker kept
// delivering. On SIGTERM or SIGINT this signal fires: the streams end (browsers reconnect to the
// new process on their own) and the in-server worker stops. Kept on globalThis: route handlers and
// instrumentation are bundled apart and would otherwise each get their own copy.
const global = globalThis as unknown as { apagado?: AbortController };

/** Fires once when the process is asked to stop. */
export function senalDeApagado(): AbortSignal {
  return (global.apagado ??= new AbortController()).signal;
}

/** Installs the handler once per process; `detener` runs after the signal (e.g. the worker's stop). */
export function alApagar(detener: () => Promise<unknown>) {
  const control = (global.apagado ??= new AbortController());
  const apagar = () => {
    if (control.signal.aborted) return;
    control.abort();
    detener().catch(() => {});
  };
  process.once("SIGTERM", apagar);
  process.once("SIGINT", apagar);
}
