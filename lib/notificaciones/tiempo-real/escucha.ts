// One LISTEN connection per app process, shared by all SSE clients of that process. When it drops
// (a database outage), every stream is told at once and the connection is retried with backoff,
// forever, while anyone listens; on its return the streams are told again. Events published while
// it was down are in the notification list, which the panel reloads on reconnect.
import pg from "pg";
import { CANAL_POSTGRES } from "./configuracion";

export interface Oyente {
  alRecibir: (cuerpo: string) => void;
  alCambiarConexion: (conectado: boolean) => void;
}

interface Estado {
  oyentes: Set<Oyente>;
  cliente: pg.Client | null;
  /** null until the first attempt ends: a new stream is told nothing until then. */
  conectado: boolean | null;
  conectando: boolean;
}

const ESPERA_MAXIMA_MS = 30_000;
const global = globalThis as unknown as { escuchaEnVivo?: Estado };
const estado: Estado = (global.escuchaEnVivo ??= { oyentes: new Set(), cliente: null, conectado: null, conectando: false });

function avisar(conectado: boolean) {
  if (estado.conectado === conectado) return;
  estado.conectado = conectado;
  for (const oyente of estado.oyentes) oyente.alCambiarConexion(conectado);
}

async function conectarUnaVez(): Promise<void> {
  const cliente = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5000 });
  cliente.on("error", () => {}); // followed by "end", handled below
  try {
    await cliente.connect();
    await cliente.query(`LISTEN ${CANAL_POSTGRES}`);
  } catch (error) {
    void cliente.end().catch(() => {});
    throw error;
  }
  cliente.on("notification", (n) => {
    if (n.channel === CANAL_POSTGRES && n.payload) for (const oyente of estado.oyentes) oyente.alRecibir(n.payload);
  });
  cliente.once("end", () => {
    estado.cliente = null;
    avisar(false);
    void mantenerConexion();
  });
  estado.cliente = cliente;
  avisar(true);
}

/** Connects, retrying with backoff (1 s doubling to 30 s) until it works or nobody listens. */
async function mantenerConexion(): Promise<void> {
  if (estado.conectando || estado.cliente) return;
  estado.conectando = true;
  try {
    for (let intento = 0; estado.oyentes.size > 0; intento++) {
      try {
        await conectarUnaVez();
        return;
      } catch {
        avisar(false);
        await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** intento, ESPERA_MAXIMA_MS)));
      }
    }
  } finally {
    estado.conectando = false;
  }
}

/** Subscribes to live reschedules; the listener hears the connection state now and on every change. */
export function escucharReprogramaciones(oyente: Oyente): () => void {
  estado.oyentes.add(oyente);
  if (estado.conectado !== null) oyente.alCambiarConexion(estado.conectado);
  void mantenerConexion();
  return () => {
    estado.oyentes.delete(oyente);
  };
}

/** The live feed's LISTEN connection in this process: open only while some SSE client listens. */
export const estadoEscuchaEnVivo = () => ({ conectada: estado.cliente !== null, clientes: estado.oyentes.size });
