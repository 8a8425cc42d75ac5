// npm run worker: the delivery worker on its own (for deployments that set NOTIFICACIONES_WORKER=off
// on the web servers). Uses DATABASE_URL, or the embedded development database.
import { createClient } from "@/lib/db/client";
import { iniciarWorker } from "@/lib/notificaciones/worker";
import { developmentDatabase } from "./lib/database";
import { migrate } from "./lib/prepare";

// A database outage must not end the process: graphile-worker and pg can surface it as a stray
// rejection or an idle-client error; the supervised worker recovers from both by itself.
process.on("unhandledRejection", (error) => console.error("[cola] Rechazo no controlado:", (error as Error)?.message ?? error));

const database = await developmentDatabase();
await migrate(database.url);
const db = createClient(database.url);
const runner = await iniciarWorker({ db, connectionString: database.url, disposicion: "proceso" });
console.log("Worker de notificaciones en marcha. Ctrl-C para detenerlo.");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await runner.stop();
  await db.$disconnect();
  await database.stop();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
