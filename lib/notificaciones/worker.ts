// The delivery worker: graphile-worker running the one task this product needs. Started inside the
// app server (instrumentation.ts) unless NOTIFICACIONES_WORKER=off, or alone with `npm run worker`.
// Several at once are safe: each job is locked by exactly one worker.
//
// It rides out database outages: graphile's runner is supervised and restarted with backoff when it
// stops or cannot start, and a recovery sweep hands the jobs of a crashed worker (and deliveries
// whose job was lost) to a live one within about a minute instead of graphile's 4 hours.
import { borrarSesionesVencidas } from "@/lib/auth/sesiones";
import { EventEmitter } from "node:events";
import { hostname } from "node:os";
import { run, type Runner, type WorkerEvents } from "graphile-worker";
import { z } from "zod";
import { enteroDelEntorno } from "@/lib/entorno";
import { borrarClavesVencidas } from "@/lib/reprogramacion/idempotencia";
import { cargaLote, procesarLote, TAREA_LOTE } from "@/lib/reprogramacion/lotes";
import { cargaImportacion, procesarImportacion, TAREA_IMPORTACION } from "@/lib/importacion/importar";
import { cargaOfrecer, cargaVencer, cerrarEsperasPasadas, ofrecerLugares, TAREA_OFRECER, TAREA_VENCER, vencerOferta } from "@/lib/lista-espera/ofertas";
import type { Db } from "@/lib/db/client";
import { errorParaRegistro, registro } from "@/lib/registro";
import { registroSilencioso } from "./cola";
import { compactarConteos } from "./conteo";
import { encolarEntrega, TAREA_ENTREGA, TAREA_ENTREGAS } from "./encolar";
import { procesarEntrega, procesarEntregas } from "./entregar";

const cargaEntrega = z.object({ entregaId: z.number().int().positive() });
const cargaEntregas = z.object({ entregaIds: z.array(z.number().int().positive()).min(1) });

export interface OpcionesWorker {
  db: Db;
  connectionString?: string;
  concurrencia?: number;
  /** Where it runs, as /api/admin/salud shows it: inside the web server or on its own. */
  disposicion?: "servidor" | "proceso";
}

export interface Worker {
  stop: () => Promise<void>;
}

const ESPERA_MAXIMA_REINICIO_MS = 30_000;

const sondeoMs = () => enteroDelEntorno("NOTIFICACIONES_SONDEO_MS", 2000);
const LATIDO_MS = 5000;

function iniciarRunner({ db, connectionString, concurrencia }: OpcionesWorker, events: WorkerEvents): Promise<Runner> {
  return run({
    connectionString,
    events,
    // Deliveries waiting for the provider's turn hold no connection, and the more wait together, the
    // fuller the batch that leaves on that turn (correo/agrupar.ts): with 32, 64 emails/s at 2 requests/s.
    concurrency: concurrencia ?? enteroDelEntorno("NOTIFICACIONES_CONCURRENCIA", 32),
    noHandleSignals: true,
    // New jobs wake the worker at once (LISTEN/NOTIFY); polling only finds delayed retries come due.
    pollInterval: sondeoMs(),
    logger: registroSilencioso,
    preset: {
      worker: {
        // Completions (and failures) recorded together, one statement per few milliseconds instead
        // of one per job. Batched completion also retries through an outage (20 tries, up to 30 s
        // apart) and, if it still fails, shuts the runner down (which the supervisor restarts);
        // unbatched, a completion that fails is an unhandled rejection that kills a standalone worker.
        completeJobBatchDelay: enteroDelEntorno("NOTIFICACIONES_LOTE_COMPLETADOS_MS", 10),
        failJobBatchDelay: enteroDelEntorno("NOTIFICACIONES_LOTE_COMPLETADOS_MS", 10),
        // Jobs fetched (and locked) several at a time: one query serves many jobs under load. Kept
        // small so a second worker is not left idle while this one holds a backlog.
        localQueue: { size: enteroDelEntorno("NOTIFICACIONES_COLA_LOCAL", 16) },
      },
    },
    taskList: {
      [TAREA_ENTREGAS]: async (payload) => {
        await procesarEntregas(db, cargaEntregas.parse(payload).entregaIds, { soloPrimeros: true });
      },
      [TAREA_ENTREGA]: async (payload) => {
        const { entregaId } = cargaEntrega.parse(payload);
        await procesarEntrega(db, entregaId);
      },
      // Bulk moves from /admin/reprogramaciones run here too, off the request that started them.
      [TAREA_LOTE]: async (payload) => {
        const { loteId } = cargaLote.parse(payload);
        await procesarLote(db, loteId);
      },
      // CSV imports from /admin/importar: the stored rows, a batch at a time.
      [TAREA_IMPORTACION]: async (payload) => {
        await procesarImportacion(db, cargaImportacion.parse(payload).importacionId);
      },
      // Waiting lists: a place may have freed up on a day (queued by database triggers), and an
      // offer's hold ran out.
      [TAREA_OFRECER]: async (payload) => {
        await ofrecerLugares(db, cargaOfrecer.parse(payload).dia);
      },
      [TAREA_VENCER]: async (payload) => {
        await vencerOferta(db, cargaVencer.parse(payload).esperaId);
      },
    },
  });
}

/**
 * Jobs locked longer than any attempt can take belong to a worker that died: unlock them. And a
 * delivery still pending with no job that can run it (its job exhausted graphile's crash retries
 * during an outage) gets a new job. One sweep at a time across workers (advisory lock); a job run
 * twice is harmless: the attempt counter guards the record, the idempotency key the email.
 */
export async function barrerEntregasHuerfanas(db: Db, bloqueoVencidoS = enteroDelEntorno("NOTIFICACIONES_BLOQUEO_VENCIDO_S", 60)): Promise<{ desbloqueados: number; reencoladas: number }> {
  return db.$transaction(async (tx) => {
    const [{ turno }] = await tx.$queryRaw<{ turno: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('barrido-entregas')) AS turno`;
    if (!turno) return { desbloqueados: 0, reencoladas: 0 };
    const tareas = [TAREA_ENTREGA, TAREA_ENTREGAS];
    const desbloqueados = await tx.$executeRaw`
      UPDATE graphile_worker._private_jobs SET locked_at = NULL, locked_by = NULL
      WHERE task_id IN (SELECT id FROM graphile_worker._private_tasks WHERE identifier = ANY(${tareas}::text[]))
        AND locked_at < now() - make_interval(secs => ${bloqueoVencidoS})`;
    // A reschedule's job only makes first attempts: a delivery already attempted needs its own job.
    const huerfanas = await tx.$queryRaw<{ id: number }[]>`
      SELECT e.id FROM entrega_notificacion e
      WHERE e.estado IN ('PENDIENTE', 'REINTENTANDO') AND e.updated_at < now() - make_interval(secs => ${bloqueoVencidoS})
        AND NOT EXISTS (
          SELECT 1 FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
          WHERE j.attempts < j.max_attempts AND (
            (t.identifier = ${TAREA_ENTREGA} AND (j.payload->>'entregaId')::int = e.id)
            OR (t.identifier = ${TAREA_ENTREGAS} AND e.intentos = 0 AND (j.payload->'entregaIds')::jsonb @> to_jsonb(e.id))))`;
    for (const { id } of huerfanas) await encolarEntrega(tx, id);
    return { desbloqueados, reencoladas: huerfanas.length };
  });
}

/**
 * Starts the worker and keeps it running until stop(): restarts it after any stop or failure.
 * Resolves once the first start succeeded or failed (then it keeps trying in the background).
 */
export async function iniciarWorker(opciones: OpcionesWorker): Promise<Worker> {
  let deteniendo = false;
  let runner: Runner | null = null;
  let despertar = () => {};
  let primerIntento = () => {};
  const arrancado = new Promise<void>((r) => (primerIntento = r));
  const esperar = (ms: number) => new Promise<void>((r) => setTimeout((despertar = r), ms));
  const intervaloBarrido = enteroDelEntorno("NOTIFICACIONES_BARRIDO_S", 30) * 1000;
  // Idle graphile workers ask for a job every poll interval: the time of the last ask, written with
  // each heartbeat, shows a worker that is alive but no longer fetching.
  const eventos: WorkerEvents = new EventEmitter();
  let ultimaBusqueda: Date | null = null;
  eventos.on("worker:getJob:start", () => (ultimaBusqueda = new Date()));
  const latido = iniciarLatido(opciones, () => ultimaBusqueda);

  const supervisar = (async () => {
    for (let fallos = 0; !deteniendo; ) {
      try {
        runner = await iniciarRunner(opciones, eventos);
        primerIntento();
        if (fallos > 0) registro.warn({ componente: "cola" }, "worker de notificaciones reanudado");
        fallos = 0;
        await hastaQueTermine(runner, eventos);
      } catch (error) {
        primerIntento();
        if (!deteniendo) registro.error({ componente: "cola", error: errorParaRegistro(error) }, "worker de notificaciones detenido; se reinicia");
      } finally {
        runner = null;
      }
      if (deteniendo) break;
      fallos++;
      await esperar(Math.min(1000 * 2 ** (fallos - 1), ESPERA_MAXIMA_REINICIO_MS));
    }
  })();
  await arrancado;

  const barrido = setInterval(() => {
    // Housekeeping off the reschedule's transaction: expired idempotency keys, the panel's count
    // deltas, waits for days already over, sessions long ended.
    borrarClavesVencidas(opciones.db).catch(() => {});
    borrarSesionesVencidas(opciones.db).catch(() => {});
    compactarConteos(opciones.db).catch(() => {});
    cerrarEsperasPasadas(opciones.db).catch(() => {});
    opciones.db.$executeRaw`DELETE FROM latido_worker WHERE latido_at < now() - interval '1 hour'`.catch(() => {});
    barrerEntregasHuerfanas(opciones.db)
      .then(({ desbloqueados, reencoladas }) => {
        if (desbloqueados || reencoladas) registro.warn({ componente: "cola", desbloqueados, reencoladas }, "entregas recuperadas de un worker caído o sin trabajo en la cola");
      })
      .catch(() => {}); // the database is down: the next sweep tries again
  }, intervaloBarrido);
  barrido.unref();

  return {
    async stop() {
      deteniendo = true;
      clearInterval(barrido);
      await latido.detener();
      despertar();
      await runner?.stop().catch(() => {});
      await supervisar;
    },
  };
}

// graphile shuts its pool down by itself when it cannot record a job's outcome (the database went
// away mid-job). That shutdown waits for every in-flight job and release, and inside `next start` it
// was seen never to finish: the runner's promise stayed pending, so nothing restarted it and the
// server never delivered again. A shutdown that has not finished in this time is abandoned (killed)
// and the supervisor starts a fresh runner; jobs it held are freed by the sweep, the idempotency key
// keeps emails single.
const CIERRE_MAXIMO_MS = 15_000;

function hastaQueTermine(runner: Runner, eventos: WorkerEvents): Promise<void> {
  return new Promise<void>((resolver, rechazar) => {
    let temporizador: NodeJS.Timeout | undefined;
    const alCerrar = () => {
      temporizador ??= setTimeout(() => {
        registro.error({ componente: "cola" }, `el cierre del worker no terminó en ${CIERRE_MAXIMO_MS / 1000} s; se descarta y se inicia otro`);
        void runner.kill().catch(() => {});
        rechazar(new Error("cierre del worker abandonado"));
      }, CIERRE_MAXIMO_MS);
    };
    eventos.on("pool:gracefulShutdown", alCerrar);
    runner.promise.then(resolver, rechazar).finally(() => {
      clearTimeout(temporizador);
      eventos.off("pool:gracefulShutdown", alCerrar);
    });
  });
}

/** Writes this worker's row in latido_worker every few seconds; removes it on a clean stop. */
function iniciarLatido({ db, disposicion = "proceso" }: OpcionesWorker, ultimaBusqueda: () => Date | null) {
  const id = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const sondeo = sondeoMs();
  const latir = () =>
    db.$executeRaw`
      INSERT INTO latido_worker (id, disposicion, sondeo_ms, latido_at, ultima_busqueda_at) VALUES (${id}, ${disposicion}, ${sondeo}, now(), ${ultimaBusqueda()})
      ON CONFLICT (id) DO UPDATE SET latido_at = now(), ultima_busqueda_at = EXCLUDED.ultima_busqueda_at`.catch(() => {}); // down: the next beat tries again
  void latir();
  const intervalo = setInterval(latir, LATIDO_MS);
  intervalo.unref();
  return {
    async detener() {
      clearInterval(intervalo);
      await db.$executeRaw`DELETE FROM latido_worker WHERE id = ${id}`.catch(() => {});
    },
  };
}
