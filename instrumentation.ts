// Next.js calls register() once per server process: the delivery worker starts here so that
// `npm run dev` / `next start` deliver notifications with no extra process. Set
// NOTIFICACIONES_WORKER=off to run workers separately (`npm run worker`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { alApagar, instalarApagado } = await import("@/lib/apagado");
  // With or without the worker, the live streams end on SIGTERM so that next start can exit.
  instalarApagado();
  if (process.env.NOTIFICACIONES_WORKER === "off") return;
  const global = globalThis as unknown as { workerNotificaciones?: Promise<unknown> };
  if (global.workerNotificaciones) return;
  const [{ iniciarWorker }, { prisma }] = await Promise.all([import("@/lib/notificaciones/worker"), import("@/lib/db/client")]);
  // It keeps retrying by itself while the database is unreachable.
  const worker = iniciarWorker({ db: prisma, disposicion: "servidor" });
  global.workerNotificaciones = worker;
  // On SIGTERM the worker is asked to stop (if next start's exit cuts that short, the sweep of any
  // other worker frees the jobs it held).
  alApagar(async () => (await worker).stop());
}
