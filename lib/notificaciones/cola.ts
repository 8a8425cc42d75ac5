// The delivery queue is graphile-worker: jobs live in the same PostgreSQL, so enqueueing joins the
// reschedule transaction, several workers share the table safely (SKIP LOCKED), and LISTEN/NOTIFY
// wakes a worker as soon as a job commits.
import { Logger, runMigrations } from "graphile-worker";
import { ocultarDatosPersonales, registro } from "@/lib/registro";

/** Creates or updates the graphile_worker schema; part of `npm run db:migrate`. */
export async function prepararCola(connectionString: string) {
  await runMigrations({ connectionString, logger: registroSilencioso });
}

// Job payloads carry only ids; worker logs never contain addresses or names. Info lines are
// dropped (one per job would drown the server log); warnings and errors go to the product's log.
export const registroSilencioso = new Logger(() => (nivel, mensaje) => {
  if (nivel === "error") registro.error({ componente: "cola" }, ocultarDatosPersonales(mensaje));
  else if (nivel === "warning") registro.warn({ componente: "cola" }, ocultarDatosPersonales(mensaje));
});
