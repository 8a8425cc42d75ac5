// The delivery worker's thread inside the web server (lib/notificaciones/hilo.ts starts it): the
// same worker as `npm run worker`, on the server's DATABASE_URL, stopped by a "detener" message.
import { parentPort } from "node:worker_threads";
import { createClient } from "@/lib/db/client";
import { iniciarWorker } from "@/lib/notificaciones/worker";

if (!parentPort) throw new Error("worker-hilo.ts runs as a worker thread of the server");
const padre = parentPort;

// As in scripts/worker.ts: an outage may surface as a stray rejection; the worker recovers by itself.
process.on("unhandledRejection", (error) => console.error("[cola] Rechazo no controlado:", (error as Error)?.message ?? error));

const db = createClient();
const worker = await iniciarWorker({ db, disposicion: "servidor" });
padre.postMessage("listo");
padre.on("message", async (mensaje) => {
  if (mensaje !== "detener") return;
  await worker.stop();
  await db.$disconnect().catch(() => {});
  process.exit(0);
});
