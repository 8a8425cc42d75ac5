// The support panel's total and unread counts from the delta rows the notificacion triggers append
// (migration conteo_notificaciones): a sum over a few rows instead of a pass over the whole feed.
import type { Db } from "@/lib/db/client";

export async function conteosDelPanel(db: Pick<Db, "$queryRaw">): Promise<{ total: number; no_leidas: number }> {
  const [fila] = await db.$queryRaw<{ total: number; no_leidas: number }[]>`
    SELECT coalesce(sum(total), 0)::int AS total, coalesce(sum(no_leidas), 0)::int AS no_leidas FROM conteo_notificaciones`;
  return fila;
}

/** Folds the deltas into one row (from the worker's sweep). Deltas of open transactions stay as they are. */
export async function compactarConteos(db: Pick<Db, "$executeRaw">) {
  await db.$executeRaw`
    WITH plegadas AS (DELETE FROM conteo_notificaciones RETURNING total, no_leidas)
    INSERT INTO conteo_notificaciones (total, no_leidas)
    SELECT coalesce(sum(total), 0), coalesce(sum(no_leidas), 0) FROM plegadas`;
}
