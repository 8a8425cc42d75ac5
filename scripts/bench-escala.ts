// `npm run bench:escala`: scale-out on one database. Two production servers (`next start`, worker
// off) and two delivery workers of their own, the Resend stand-in, 32 connections of reschedules
// split over both servers, and an operator's live feed (SSE) open on each server. Then checks what
// must hold when instances share one database: every email handed to Resend exactly once, every
// live event on both feeds, a day's capacity never exceeded by moves through both servers at once,
// and one client's write limit shared by both. Writes BENCHMARKS-ESCALA.md.
//
// Knobs (env): BENCH_SKIP_BUILD=1 reuses .next; BENCH_DURACION_S (default 15).
import { writeFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { iniciarResendFalso } from "@/tests/fakes/resend";
import { freePort } from "./lib/database";
import { prepareDatabase } from "./lib/prepare";
import { nextBin, run, runToEnd, stopAll, waitForHttp } from "./lib/processes";
import { cargarDatosDeCarga } from "./lib/bench-datos";
import { escucharEventos, iniciarSesion, redondear } from "./lib/bench-http";

const DURACION_S = Number(process.env.BENCH_DURACION_S ?? 15);
const PASSWORD = "demo1234";
const MOTIVO = "Carga repartida en dos servidores";
const esperar = (ms: number) => new Promise((r) => setTimeout(r, ms));

const procesos: ReturnType<typeof run>[] = [];
const resend = await iniciarResendFalso();
const database = await prepareDatabase({ seed: true, throwaway: true });
const pool = new pg.Pool({ connectionString: database.url, max: 4 });
pool.on("error", () => {});
const lineas: string[] = [];
const informar = (l: string) => (console.log(l), lineas.push(l));
const fallos: string[] = [];
const comprobar = (ok: boolean, texto: string) => {
  informar(`- ${ok ? "✓" : "✗"} ${texto}`);
  if (!ok) fallos.push(texto);
};
let codigo = 1;

try {
  const datos = await cargarDatosDeCarga(pool);
  const puertos = [await freePort(), await freePort()];
  const urls = puertos.map((p) => `http://127.0.0.1:${p}`);
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: database.url,
    DB_POOL_MAX: "16",
    NEXTAUTH_SECRET: "secreto-del-benchmark",
    NEXT_TELEMETRY_DISABLED: "1",
    ADMIN_EMAILS: "auditoria@agencia.bo",
    LIMITE_LOGIN_FALLIDOS_CUENTA: "100000000",
    LIMITE_LOGIN_FALLIDOS_DIRECCION: "100000000",
    RESEND_API_KEY: "re_bench",
    RESEND_BASE_URL: resend.url,
    RESEND_CORREOS_POR_SEGUNDO: "1000000",
  };
  if (!process.env.BENCH_SKIP_BUILD && (await runToEnd(nextBin, ["build"], { env })) !== 0) throw new Error("next build falló");
  for (const [i, puerto] of puertos.entries()) {
    const servidor = run(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(puerto), "--hostname", "127.0.0.1"], {
      env: { ...env, NEXTAUTH_URL: urls[i], NOTIFICACIONES_WORKER: "off" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const worker = run(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
    procesos.push(servidor, worker);
  }
  await Promise.all(urls.map((u) => waitForHttp(`${u}/login`)));

  // Sessions are rows in the shared database: a cookie from one server works on the other.
  const cookies = new Map<number, string>();
  for (let i = 0; i < datos.clientes.length; i += 10) {
    const tanda = datos.clientes.slice(i, i + 10);
    const hechas = await Promise.all(tanda.map((c, j) => iniciarSesion(urls[(i + j) % 2], c.email, PASSWORD)));
    tanda.forEach((c, j) => cookies.set(c.id, hechas[j]));
  }
  const operador = await iniciarSesion(urls[0], "operador@demo.bo", PASSWORD);
  const feeds = await Promise.all(urls.map((u) => escucharEventos(u, operador)));
  await esperar(500);

  informar(`# Scale-out: two servers, two workers, one database`);
  informar("");
  informar(`Written by \`npm run bench:escala\` (scripts/bench-escala.ts) on ${new Date().toISOString()}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}. Two \`next start\` (worker off) and two \`npm run worker\` processes on one embedded PostgreSQL, the Resend stand-in unpaced, ${datos.reservas} reservations; an operator's live feed open on each server.`);
  informar("");

  // 1. Reschedules through both servers at once, each reservation moved once.
  let siguiente = 0;
  const carga = (url: string) =>
    autocannon({
      url,
      connections: 16,
      duration: DURACION_S,
      requests: [
        {
          setupRequest: (req) => {
            const r = datos.movibles[siguiente++ % datos.movibles.length];
            return { ...req, method: "POST", path: `/api/reservas/${r.id}/reprogramar/`, headers: { cookie: cookies.get(r.clienteId)!, "content-type": "application/json" }, body: JSON.stringify({ nueva_fecha: r.destino, motivo: MOTIVO }) };
          },
        },
      ],
    });
  const resultados = await Promise.all(urls.map(carga));
  const ok = resultados.reduce((n, r) => n + r.requests.total - r.non2xx - r.errors - r.timeouts, 0);
  informar(`## POST load: ${ok} reschedules in ${DURACION_S} s over both servers (${resultados.map((r, i) => `server ${i + 1}: ${redondear(r.requests.average)} req/s, p99 ${r.latency.p99} ms, ${r.non2xx + r.errors + r.timeouts} failed`).join("; ")})`);
  informar("");

  // Until every delivery of the run is done.
  for (const fin = Date.now() + 120_000; Date.now() < fin; await esperar(200)) {
    const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM entrega_notificacion WHERE estado IN ('PENDIENTE', 'REINTENTANDO')");
    if (rows[0].n === 0) break;
  }
  await esperar(1000);
  const { rows: entregas } = await pool.query<{ id: number; canal: string; estado: string; reserva_id: number }>(
    `SELECT e.id, e.canal::text, e.estado::text, h.reserva_id FROM entrega_notificacion e JOIN historial_reprogramacion h ON h.id = e.historial_id WHERE h.motivo = $1`,
    [MOTIVO],
  );
  const { rows: historial } = await pool.query<{ reserva_id: number }>("SELECT reserva_id FROM historial_reprogramacion WHERE motivo = $1", [MOTIVO]);
  const correos = entregas.filter((e) => e.canal === "EMAIL");
  const porClave = new Map<string, number>();
  for (const p of resend.peticiones) if (p.clave && p.respondida === 200) porClave.set(p.clave, (porClave.get(p.clave) ?? 0) + 1);
  const enResend = correos.filter((e) => porClave.has(`entrega-${e.id}`));
  const dosVeces = correos.filter((e) => (porClave.get(`entrega-${e.id}`) ?? 0) > 1);
  // Requests still in flight when the load stopped are not in autocannon's count, but they commit.
  comprobar(historial.length >= ok && historial.length <= ok + 32, `${historial.length} history rows for ${ok} POSTs answered 200 within the ${DURACION_S} s (plus up to 32 in flight when the load stopped)`);
  comprobar(correos.length === historial.length * 2 && correos.every((e) => e.estado === "ENVIADA"), `${correos.length} email deliveries (client + agency copy per reschedule), all ENVIADA`);
  comprobar(enResend.length === correos.length && dosVeces.length === 0, `${enResend.length} of them reached the Resend stand-in, ${dosVeces.length} more than once`);
  comprobar(resend.enviados.length === new Set(resend.enviados.map((e) => e.clave)).size, `${resend.enviados.length} emails stored by the stand-in, one per idempotency key`);
  for (const [i, f] of feeds.entries()) {
    const faltan = historial.filter((h) => !f.llegadas.has(h.reserva_id)).length;
    const repetidos = [...f.llegadas.values()].filter((l) => l.veces > 1).length;
    comprobar(faltan === 0 && repetidos === 0, `live feed on server ${i + 1}: ${historial.length - faltan} of ${historial.length} events, ${repetidos} twice`);
  }
  informar("");

  // 2. Capacity: one day with 20 places, 60 different clients' reservations moved into it at once through both servers.
  const dia = datos.latencia[0].destino.slice(0, 10);
  const candidatas = datos.latencia.filter((r) => !r.origen.startsWith(dia)).slice(0, 60);
  const { rows: yaEn } = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM reserva WHERE (fecha_inicio AT TIME ZONE 'America/La_Paz')::date = $1::date AND estado <> 'CANCELADA'",
    [dia],
  );
  const capacidad = yaEn[0].n + 20;
  await pool.query("INSERT INTO capacidad_fecha (fecha, capacidad_maxima) VALUES ($1::date, $2) ON CONFLICT (fecha) DO UPDATE SET capacidad_maxima = EXCLUDED.capacidad_maxima", [dia, capacidad]);
  const respuestas = await Promise.all(
    candidatas.map((r, i) =>
      fetch(`${urls[i % 2]}/api/reservas/${r.id}/reprogramar/`, {
        method: "POST",
        headers: { cookie: cookies.get(r.clienteId)!, "content-type": "application/json" },
        body: JSON.stringify({ nueva_fecha: `${dia}${r.destino.slice(10)}`, motivo: "Capacidad en dos servidores" }),
      }).then(async (res) => ({ status: res.status, codigo: ((await res.json()) as { error_code?: string }).error_code })),
    ),
  );
  const { rows: despues } = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM reserva WHERE (fecha_inicio AT TIME ZONE 'America/La_Paz')::date = $1::date AND estado <> 'CANCELADA'",
    [dia],
  );
  const aceptadas = respuestas.filter((r) => r.status === 200).length;
  const sinLugar = respuestas.filter((r) => r.codigo === "FECHA_NO_DISPONIBLE").length;
  comprobar(aceptadas === 20 && despues[0].n === capacidad, `capacity: 60 moves into a day with 20 free places, through both servers at once: ${aceptadas} accepted, ${sinLugar} FECHA_NO_DISPONIBLE, the day holds ${despues[0].n} of ${capacidad}`);

  // 3. The write limit (60 a minute per user) is one budget across servers.
  const cliente = datos.clientes[0];
  const propias = datos.movibles.filter((r) => r.clienteId === cliente.id).slice(-100);
  const limite = await Promise.all(
    propias.map((r, i) =>
      fetch(`${urls[i % 2]}/api/reservas/${r.id}/reprogramar/`, { method: "POST", headers: { cookie: cookies.get(cliente.id)!, "content-type": "application/json" }, body: JSON.stringify({ nueva_fecha: r.destino, motivo: "Límite en dos servidores" }) }).then((res) => res.status),
    ),
  );
  const { rows: previas } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM historial_reprogramacion WHERE actor_id = $1 AND created_at > now() - interval '1 minute'", [cliente.id]);
  const atendidas = limite.filter((s) => s !== 429).length;
  comprobar(limite.filter((s) => s === 429).length > 0 && previas[0].n <= 60, `write limit: one client's ${propias.length} POSTs split over both servers: ${atendidas} served, ${limite.filter((s) => s === 429).length} answered 429 (the budget is 60 a minute in all; ${previas[0].n} of this client's reschedules in the last minute)`);

  for (const f of feeds) await f.cerrar();
  informar("");
  informar(fallos.length ? `**${fallos.length} check(s) failed.**` : "**Every check held.**");
  writeFileSync("BENCHMARKS-ESCALA.md", lineas.join("\n") + "\n");
  codigo = fallos.length ? 1 : 0;
} catch (error) {
  console.error(error);
} finally {
  await stopAll(procesos);
  await pool.end();
  await database.stop();
  await resend.cerrar();
}
process.exit(codigo);
