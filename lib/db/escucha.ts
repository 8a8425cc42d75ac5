// One LISTEN connection per channel and process, retried with backoff (1 s doubling to 30 s) for as
// long as the process lives. Per-process caches built on a channel hold only while it is connected:
// a cache asks `conectada()` and reads the database when it is not. The callback hears every
// payload, and null whenever the connection is made or lost (what was missed is unknown: drop all).
import pg from "pg";

export interface Escucha {
  conectada(): boolean;
  /** Starts listening if nobody does yet in this process (cheap to call on every read). */
  asegurar(): void;
}

const ESPERA_MAXIMA_MS = 30_000;

interface Estado {
  escuchando: boolean;
  conectando: boolean;
  alCambiar: (payload: string | null) => void;
}
const global = globalThis as unknown as { escuchasPostgres?: Map<string, Estado> };
const estados = (global.escuchasPostgres ??= new Map());

async function escuchar(canal: string, estado: Estado): Promise<void> {
  if (estado.escuchando || estado.conectando || !process.env.DATABASE_URL) return;
  estado.conectando = true;
  for (let intento = 0; ; intento++) {
    const cliente = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5000 });
    cliente.on("error", () => {}); // followed by "end"
    try {
      await cliente.connect();
      await cliente.query(`LISTEN ${canal}`);
      cliente.on("notification", (n) => estado.alCambiar(n.payload ?? ""));
      cliente.once("end", () => {
        estado.escuchando = false;
        estado.alCambiar(null);
        void escuchar(canal, estado);
      });
      estado.alCambiar(null);
      estado.escuchando = true;
      estado.conectando = false;
      return;
    } catch {
      void cliente.end().catch(() => {});
      await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** intento, ESPERA_MAXIMA_MS)));
    }
  }
}

/** The process's listener on `canal` (a plain SQL identifier); the latest callback wins across hot reloads. */
export function escuchaDeCanal(canal: string, alCambiar: (payload: string | null) => void): Escucha {
  const estado = estados.get(canal) ?? { escuchando: false, conectando: false, alCambiar };
  estado.alCambiar = alCambiar;
  estados.set(canal, estado);
  return {
    conectada: () => estado.escuchando,
    // Called on every cached read: once listening, it costs a check, not an async call.
    asegurar: () => {
      if (!estado.escuchando && !estado.conectando) void escuchar(canal, estado);
    },
  };
}
