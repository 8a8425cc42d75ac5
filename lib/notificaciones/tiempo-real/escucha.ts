// One LISTEN connection per app process, shared by all SSE clients of that process. If the
// connection drops, it reconnects; events published meanwhile are in the notification list.
import pg from "pg";
import { CANAL_POSTGRES } from "./configuracion";

type Oyente = (cuerpo: string) => void;

const estado = globalThis as unknown as { oyentesEnVivo?: Set<Oyente>; conexionEnVivo?: Promise<pg.Client> | null };
const oyentes = (estado.oyentesEnVivo ??= new Set());

function conectar(): Promise<pg.Client> {
  const cliente = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const lista = (async () => {
    await cliente.connect();
    await cliente.query(`LISTEN ${CANAL_POSTGRES}`);
    cliente.on("notification", (n) => {
      if (n.channel === CANAL_POSTGRES && n.payload) for (const oyente of oyentes) oyente(n.payload);
    });
    const reiniciar = () => {
      estado.conexionEnVivo = null;
      cliente.removeAllListeners();
      void cliente.end().catch(() => {});
      if (oyentes.size) setTimeout(() => void asegurarConexion().catch(() => {}), 1000);
    };
    cliente.on("error", reiniciar);
    cliente.on("end", reiniciar);
    return cliente;
  })();
  lista.catch(() => {
    estado.conexionEnVivo = null;
  });
  return lista;
}

function asegurarConexion(): Promise<pg.Client> {
  return (estado.conexionEnVivo ??= conectar());
}

export async function escucharReprogramaciones(oyente: Oyente): Promise<() => void> {
  oyentes.add(oyente);
  try {
    await asegurarConexion();
  } catch (error) {
    oyentes.delete(oyente);
    throw error;
  }
  return () => oyentes.delete(oyente);
}
