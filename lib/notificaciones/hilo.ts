// The in-server delivery worker on its own thread. Node runs JavaScript on one thread per process:
// with the worker beside the route handlers, every email sent and every delivery recorded waited
// in line with the requests, and the machine's second core sat half idle. On a worker thread the
// deliveries run in parallel with the requests, still inside `next start` (one process to deploy).
// The thread is plain Node with tsx (it is not part of Next's bundle): scripts/worker-hilo.mjs.
// NOTIFICACIONES_HILO=off keeps the worker on the server's main thread.
import { join } from "node:path";
import { Worker as Hilo } from "node:worker_threads";
import { enteroDelEntorno } from "@/lib/entorno";
import { errorParaRegistro, registro } from "@/lib/registro";
import type { Worker } from "./worker";

const ESPERA_MAXIMA_REINICIO_MS = 30_000;
const ESPERA_DETENCION_MS = 15_000;

/** Starts the thread and restarts it if it ever ends by itself; resolves when the first one is running (or failed). */
export async function iniciarWorkerEnHilo(): Promise<Worker> {
  let deteniendo = false;
  let actual: Hilo | null = null;
  let listo = () => {};
  const primero = new Promise<void>((r) => (listo = r));

  const arrancar = (fallos: number) => {
    // Not traced by the bundler: the thread loads its files from disk at run time.
    const hilo = new Hilo(join(/* turbopackIgnore: true */ process.cwd(), "scripts", "worker-hilo.mjs"), {
      // Its own small pool: the thread runs a few statements per delivery, the requests keep theirs.
      env: { ...process.env, DB_POOL_MAX: String(enteroDelEntorno("NOTIFICACIONES_POOL_MAX", 10)) },
    });
    actual = hilo;
    hilo.on("message", (mensaje) => {
      if (mensaje === "listo") listo();
    });
    hilo.on("error", (error) => registro.error({ componente: "cola", error: errorParaRegistro(error) }, "hilo del worker de notificaciones falló"));
    hilo.on("exit", (codigo) => {
      listo();
      actual = null;
      if (deteniendo) return;
      registro.error({ componente: "cola", codigo }, "hilo del worker de notificaciones terminado; se reinicia");
      const espera = Math.min(1000 * 2 ** fallos, ESPERA_MAXIMA_REINICIO_MS);
      setTimeout(() => !deteniendo && arrancar(fallos + 1), espera).unref();
    });
  };
  arrancar(0);
  await primero;

  return {
    async stop() {
      deteniendo = true;
      const hilo = actual;
      if (!hilo) return;
      const terminado = new Promise<void>((r) => hilo.once("exit", () => r()));
      hilo.postMessage("detener");
      // A stop that hangs (the database gone mid-job) is cut short; the sweep frees what it held.
      const limite = setTimeout(() => void hilo.terminate(), ESPERA_DETENCION_MS);
      await terminado;
      clearTimeout(limite);
    },
  };
}
