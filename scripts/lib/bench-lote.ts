// The bulk-move phase of the benchmark: one POST /api/admin/lotes/ of N reservations (default 2,000)
// to one day, as the admin does from /admin/reprogramaciones; the wall time until the run is done,
// the time until the last of its emails reached the Resend stand-in, and a database check that every
// reservation has exactly one history row and each of its deliveries was sent once.
import type pg from "pg";
import type { ReservaDeCarga } from "./bench-datos";

export interface MedidaLote {
  n: number;
  movidas: number;
  segundos: number;
  porSegundo: number;
  /** From the POST to the last email of the run handed to the Resend stand-in. */
  ultimoCorreoS: number;
  /** Progress events read from the run's SSE stream while it ran. */
  eventosProgreso: number;
  historial: number;
  entregas: number;
  enviadasUnaVez: number;
  correosEnResend: number;
  correosRepetidos: number;
  cpu?: Record<string, number>;
}

// The bench runs Resend unpaced, so every email is its own request keyed `entrega-<id>`.
interface ResendFalso {
  peticiones: { clave: string | null; en: number }[];
}

/** Reads the run's progress stream until it ends, counting its events. */
async function seguirProgreso(url: string, cookie: string, id: number) {
  const r = await fetch(`${url}/api/admin/lotes/${id}/progreso/`, { headers: { cookie } });
  let eventos = 0;
  const decoder = new TextDecoder();
  for await (const trozo of r.body as unknown as AsyncIterable<Uint8Array>) eventos += decoder.decode(trozo, { stream: true }).split("\n\n").length - 1;
  return eventos;
}

export async function medirLote(url: string, cookieAdmin: string, pool: pg.Pool, resend: ResendFalso, reservas: ReservaDeCarga[], dia: string): Promise<MedidaLote> {
  const ids = reservas.map((r) => r.id);
  const clavesAntes = new Set(resend.peticiones.map((p) => p.clave));
  const inicio = Date.now();
  const r = await fetch(`${url}/api/admin/lotes/`, {
    method: "POST",
    headers: { cookie: cookieAdmin, "content-type": "application/json" },
    body: JSON.stringify({ reserva_ids: ids, dia, solicitud: { motivo: "Salida cancelada (benchmark)" } }),
  });
  if (r.status !== 202) throw new Error(`lote: HTTP ${r.status} ${await r.text()}`);
  const { id } = (await r.json()) as { id: number };
  const progreso = seguirProgreso(url, cookieAdmin, id).catch(() => 0);
  let movidas = 0;
  for (;;) {
    const { rows } = await pool.query<{ estado: string; movidas: number }>("SELECT estado, movidas FROM lote_reprogramacion WHERE id = $1", [id]);
    if (rows[0].estado === "TERMINADO") {
      movidas = rows[0].movidas;
      break;
    }
    await new Promise((res) => setTimeout(res, 50));
  }
  const segundos = (Date.now() - inicio) / 1000;
  const eventosProgreso = await progreso;

  // Every email delivery of the run's history rows handed over (or given up on) within 60 s.
  const limite = Date.now() + 60_000;
  for (;;) {
    const { rows } = await pool.query<{ pendientes: number }>(
      `SELECT count(*)::int AS pendientes FROM entrega_notificacion e JOIN historial_reprogramacion h ON h.id = e.historial_id
       WHERE h.reserva_id = ANY($1::int[]) AND e.estado NOT IN ('ENVIADA', 'FALLIDA')`,
      [ids],
    );
    if (rows[0].pendientes === 0 || Date.now() > limite) break;
    await new Promise((res) => setTimeout(res, 50));
  }
  const { rows: entregas } = await pool.query<{ id: number; canal: string; estado: string; intentos: number }>(
    `SELECT e.id, e.canal::text, e.estado::text, e.intentos FROM entrega_notificacion e JOIN historial_reprogramacion h ON h.id = e.historial_id
     WHERE h.reserva_id = ANY($1::int[]) AND h.motivo = 'Salida cancelada (benchmark)'`,
    [ids],
  );
  const { rows: historial } = await pool.query<{ n: number; reservas: number }>(
    "SELECT count(*)::int AS n, count(DISTINCT reserva_id)::int AS reservas FROM historial_reprogramacion WHERE reserva_id = ANY($1::int[]) AND motivo = 'Salida cancelada (benchmark)'",
    [ids],
  );
  // The stand-in's requests for this run's email deliveries: a batch request carries several keys.
  const deCorreo = new Set(entregas.filter((e) => e.canal === "EMAIL").map((e) => `entrega-${e.id}`));
  const nuevas = resend.peticiones.filter((p) => !clavesAntes.has(p.clave));
  const vistas = new Map<string, number>();
  let ultimo = 0;
  for (const { clave, en } of nuevas) {
    if (!clave || !deCorreo.has(clave)) continue;
    vistas.set(clave, (vistas.get(clave) ?? 0) + 1);
    ultimo = Math.max(ultimo, en);
  }
  return {
    n: ids.length,
    movidas,
    segundos,
    porSegundo: movidas / segundos,
    ultimoCorreoS: ultimo ? (ultimo - inicio) / 1000 : NaN,
    eventosProgreso,
    historial: historial[0].n,
    entregas: entregas.length,
    enviadasUnaVez: entregas.filter((e) => e.estado === "ENVIADA" && e.intentos === 1).length,
    correosEnResend: vistas.size,
    correosRepetidos: [...vistas.values()].filter((v) => v > 1).length,
  };
}
