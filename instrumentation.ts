// Next.js calls register() once per server process: the delivery worker starts here so that
// `npm run dev` / `next start` deliver notifications with no extra process. Set
// NOTIFICACIONES_WORKER=off to run workers separately (`npm run worker`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NOTIFICACIONES_WORKER === "off") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const global = globalThis as unknown as { workerNotificaciones?: Promise<unknown> };
  if (global.workerNotificaciones) return;
  const [{ iniciarWorker }, { prisma }, { alApagar }] = await Promise.all([import("@/lib/notificaciones/worker"), import("@/lib/db/client"), import("@/lib/apagado")]);
  // It keeps retrying by itself while the database is unreachable.
  const worker = iniciarWorker({ db: prisma, disposicion: "servidor" });
  global.workerNotificaciones = worker;
  // On SIGTERM the live streams end, so next start can exit, and the worker is asked to stop (if the
  // exit cuts that short, the sweep of any other worker frees the jobs it held).
  alApagar(async () => (await worker).stop());
}
