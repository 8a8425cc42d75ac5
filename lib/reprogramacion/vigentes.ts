// Rules and agency settings change a few times a day and are read on every request: each process
// keeps one copy. Two guards keep it current:
// - a trigger bumps version_configuracion on every change; the reschedule reads that version in the
//   same statement that locks the reservation and reloads when its copy is older, so a transaction
//   never decides with stale rules;
// - the trigger also NOTIFYs configuracion_cambiada; every process LISTENs and drops its copy at once,
//   so reads outside a transaction (preview, calendar) see a change within milliseconds. While that
//   connection is down, nothing is cached for them.
import { escuchaDeCanal } from "@/lib/db/escucha";
import type { Tx } from "./datos";
import { cargarReglas, obtenerConfiguracion, type Configuracion } from "./datos";
import type { Regla } from "./reglas";

export interface Vigentes {
  reglas: Regla[];
  config: Configuracion;
  version: bigint;
}

interface Estado {
  copia: Vigentes | null;
  /** Bumped by every notification: a load that started before one must not be kept. */
  generacion: number;
}
const global = globalThis as unknown as { configuracionVigente?: Estado };
const estado: Estado = (global.configuracionVigente ??= { copia: null, generacion: 0 });

const cambios = escuchaDeCanal("configuracion_cambiada", () => {
  estado.generacion++;
  estado.copia = null;
});

async function cargar(db: Tx, version: bigint, generacion: number): Promise<Vigentes> {
  const [reglas, config] = await Promise.all([cargarReglas(db), obtenerConfiguracion(db)]);
  const vigentes = { reglas, config, version };
  // The version was read before the rules: if a change slipped in between, the copy is newer than
  // its label and the next locked read simply reloads it; it is never older than its label.
  if (generacion === estado.generacion && (!estado.copia || estado.copia.version <= version)) estado.copia = vigentes;
  return vigentes;
}

/** For a transaction that read `version` under its lock: the cached copy if it is that version. */
export async function vigentesEnVersion(db: Tx, version: bigint): Promise<Vigentes> {
  cambios.asegurar();
  if (estado.copia && estado.copia.version === version) return estado.copia;
  return cargar(db, version, estado.generacion);
}

export const leerVersion = async (db: Tx) =>
  (await db.$queryRaw<{ version: bigint }[]>`SELECT version FROM version_configuracion WHERE id = 1`)[0]?.version ?? BigInt(0);

/** For reads outside a transaction: the cached copy while the change feed is connected. */
export async function vigentes(db: Tx): Promise<Vigentes> {
  cambios.asegurar();
  if (cambios.conectada() && estado.copia) return estado.copia;
  const generacion = cambios.conectada() ? estado.generacion : -1;
  return cargar(db, await leerVersion(db), generacion);
}

/** Whether this process hears rule and settings changes now (for /api/admin/salud). */
export const escuchaConfiguracion = () => ({ conectada: cambios.conectada() });
