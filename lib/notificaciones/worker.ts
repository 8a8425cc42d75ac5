// The delivery worker: graphile-worker running the one task this product needs. Started inside the
// app server (instrumentation.ts) unless NOTIFICACIONES_WORKER=off, or alone with `npm run worker`.
// Several at once are safe: each job is locked by exactly one worker.
import { run, type Runner } from "graphile-worker";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { registroSilencioso } from "./cola";
import { TAREA_ENTREGA } from "./encolar";
import { procesarEntrega } from "./entregar";

const cargaEntrega = z.object({ entregaId: z.number().int().positive() });

export interface OpcionesWorker {
  db: Db;
  connectionString?: string;
  concurrencia?: number;
}

export function iniciarWorker({ db, connectionString = process.env.DATABASE_URL, concurrencia }: OpcionesWorker): Promise<Runner> {
  return run({
    connectionString,
    concurrency: concurrencia ?? (Number(process.env.NOTIFICACIONES_CONCURRENCIA) || 4),
    noHandleSignals: true,
    // New jobs wake the worker at once (LISTEN/NOTIFY); polling only finds delayed retries come due.
    pollInterval: Number(process.env.NOTIFICACIONES_SONDEO_MS) || 2000,
    logger: registroSilencioso,
    taskList: {
      [TAREA_ENTREGA]: async (payload) => {
        const { entregaId } = cargaEntrega.parse(payload);
        await procesarEntrega(db, entregaId);
      },
    },
  });
}
