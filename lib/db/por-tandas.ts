// Statements of the same kind that concurrent callers need at the same moment, sent as one. The
// worker runs dozens of deliveries at once, each loading its rows and recording its outcome: with
// this they share one load and one record per turn of the event loop instead of one each.
import type { Db } from "./client";

interface Espera<E, K, V> {
  entradas: E[];
  resolver: (valores: Map<K, V>) => void;
  rechazar: (error: unknown) => void;
}

/**
 * Wraps a set-based `ejecutar` (entries in, values by key out): the calls made with one client
 * before the next check phase (setImmediate) run as a single call with all their entries. Each
 * caller gets the values of its own entries' keys (`claveDe`); if the single call fails, every
 * caller gets its error.
 */
export function porTandas<E, K, V>(ejecutar: (db: Db, entradas: E[]) => Promise<Map<K, V>>, claveDe: (entrada: E) => K) {
  const pendientes = new WeakMap<Db, Espera<E, K, V>[]>();
  async function vaciar(db: Db) {
    const esperas = pendientes.get(db) ?? [];
    pendientes.delete(db);
    try {
      const valores = await ejecutar(db, esperas.flatMap((e) => e.entradas));
      for (const e of esperas) e.resolver(new Map(e.entradas.map(claveDe).flatMap((k) => (valores.has(k) ? [[k, valores.get(k)!] as const] : []))));
    } catch (error) {
      for (const e of esperas) e.rechazar(error);
    }
  }
  return (db: Db, entradas: E[]): Promise<Map<K, V>> =>
    new Promise((resolver, rechazar) => {
      let esperas = pendientes.get(db);
      if (!esperas) {
        pendientes.set(db, (esperas = []));
        setImmediate(() => void vaciar(db));
      }
      esperas.push({ entradas, resolver, rechazar });
    });
}
