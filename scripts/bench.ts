// `npm run bench`: one run that builds and starts the production server on a throwaway embedded
// PostgreSQL, loads tens of thousands of reservations and 100,000 feed rows, and measures with
// autocannon the framework's ceiling (an empty route behind the same proxy.ts) and the hot paths,
// then the live-event and email hand-over latency (commit → SSE client, commit → Resend stand-in)
// and the email queue's drain rate. Prints every figure and writes BENCHMARKS.md.
//
// Knobs (env): BENCH_SKIP_BUILD=1 reuses .next; BENCH_DURACION_S (default 15) per path;
// BENCH_CONEXIONES (default 32); BENCH_WORKER=servidor|proceso (default proceso: the delivery worker
// runs in its own process, as documented for production); BENCH_CORREOS (default 3000) for the drain.
import { writeFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { iniciarResendFalso } from "@/tests/fakes/resend";
import { freePort } from "./lib/database";
import { prepareDatabase } from "./lib/prepare";
import { nextBin, run, runToEnd, stopAll, waitForHttp } from "./lib/processes";
import { cargarDatosDeCarga, type DatosDeCarga } from "./lib/bench-datos";
import { cpuPorProceso, escucharEventos, iniciarSesion, percentil, redondear } from "./lib/bench-http";
import { medirImportacion, type MedidaImportacion } from "./lib/bench-importacion";
import { medirLote, type MedidaLote } from "./lib/bench-lote";

const DURACION_S = Number(process.env.BENCH_DURACION_S ?? 15);
const CONEXIONES = Number(process.env.BENCH_CONEXIONES ?? 32);
const WORKER_APARTE = (process.env.BENCH_WORKER ?? "proceso") === "proceso";
const CORREOS_DRENAJE = Number(process.env.BENCH_CORREOS ?? 3000);
const PASSWORD = "demo1234";
const RESERVAS_LOTE = Number(process.env.BENCH_LOTE ?? 2000);
// BENCH_SOLO=post,lista runs only those phases (techo, post, puede, lista, latencia, drenaje, lote, importacion).
const SOLO = process.env.BENCH_SOLO?.split(",");
const fase = (nombre: string) => !SOLO || SOLO.includes(nombre);
// BENCH_PERFIL=1 writes a V8 CPU profile of the server and the worker to .bench-perfil/ on exit.
const PERFIL = process.env.BENCH_PERFIL === "1" ? ["--cpu-prof", "--cpu-prof-dir=.bench-perfil"] : [];

interface Medida {
  ruta: string;
  /** Cores used during the run, per process group. */
  cpu: Record<string, number>;
  rps: number;
  p50: number;
  p99: number;
  errores: number;
  total: number;
}

/** Waits until the deliveries queued by the previous phase are done, so each phase is measured alone. */
async function esperarColaVacia(pool: pg.Pool) {
  for (;;) {
    const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM entrega_notificacion WHERE estado IN ('PENDIENTE', 'REINTENTANDO')");
    if (rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** What one committed reschedule costs, its deliveries included: CPU ms per process and SQL statements. */
interface CostoReprogramacion {
  reprogramaciones: number;
  cpuMs: Record<string, number>;
  sentencias: number;
  /** The statements that took most of PostgreSQL's time, per reschedule. */
  principales: { sql: string; porReprogramacion: number; msPorReprogramacion: number; mediaMs: number }[];
  /** PL/pgSQL functions (triggers, graphile's add_job) by their own time, per reschedule. */
  funciones: { nombre: string; porReprogramacion: number; msPorReprogramacion: number }[];
}

// The benchmark's own polling is not the product's cost.
const SENTENCIAS_DEL_BENCH = "query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%AS n FROM entrega_notificacion WHERE estado IN%'";

async function costoPorReprogramacion(pool: pg.Pool, cpuAntes: Record<string, number>, motivo: string): Promise<CostoReprogramacion> {
  await esperarColaVacia(pool);
  const cpuDespues = cpuPorProceso(pids);
  const { rows: [{ n }] } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM historial_reprogramacion WHERE motivo = $1", [motivo]);
  const { rows: [{ total }] } = await pool.query<{ total: string }>(`SELECT coalesce(sum(calls), 0) AS total FROM pg_stat_statements WHERE ${SENTENCIAS_DEL_BENCH}`);
  const { rows: principales } = await pool.query<{ query: string; calls: string; total: number; media: number }>(
    `SELECT query, calls, total_exec_time AS total, mean_exec_time AS media FROM pg_stat_statements WHERE ${SENTENCIAS_DEL_BENCH} ORDER BY total_exec_time DESC LIMIT 12`,
  );
  const { rows: funciones } = await pool.query<{ nombre: string; calls: string; self_time: number }>(
    "SELECT schemaname || '.' || funcname AS nombre, calls, self_time FROM pg_stat_user_functions ORDER BY self_time DESC LIMIT 8",
  );
  return {
    funciones: funciones.map((f) => ({ nombre: f.nombre, porReprogramacion: Number(f.calls) / Math.max(n, 1), msPorReprogramacion: f.self_time / Math.max(n, 1) })),
    reprogramaciones: n,
    cpuMs: Object.fromEntries(Object.keys(cpuDespues).map((k) => [k, ((cpuDespues[k] - cpuAntes[k]) * 1000) / Math.max(n, 1)])),
    sentencias: Number(total) / Math.max(n, 1),
    principales: principales.map((f) => ({ sql: f.query.replace(/\s+/g, " ").slice(0, 110), porReprogramacion: Number(f.calls) / Math.max(n, 1), msPorReprogramacion: f.total / Math.max(n, 1), mediaMs: f.media })),
  };
}

const nucleos = (cpu: Record<string, number>) => Object.entries(cpu).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ");
const SIN_MEDIR: Medida = { ruta: "", rps: NaN, p50: NaN, p99: NaN, errores: 0, total: 0, cpu: {} };
const pids: { servidor?: number; worker?: number } = {};

async function medir(nombre: string, opciones: autocannon.Options, alEmpezar?: (cpu: Record<string, number>) => void): Promise<Medida> {
  if (!fase(CLAVE_FASE[nombre])) return { ...SIN_MEDIR, ruta: nombre };
  await esperarColaVacia(pool);
  const antes = cpuPorProceso(pids);
  alEmpezar?.(antes);
  const inicio = performance.now();
  const resultado = await autocannon({ connections: CONEXIONES, duration: DURACION_S, ...opciones });
  const despues = cpuPorProceso(pids);
  const segundos = (performance.now() - inicio) / 1000;
  const cpu = Object.fromEntries(Object.keys(despues).map((k) => [k, (despues[k] - antes[k]) / segundos]));
  const errores = resultado.non2xx + resultado.errors + resultado.timeouts;
  const medida = { ruta: nombre, rps: resultado.requests.average, p50: resultado.latency.p50, p99: resultado.latency.p99, errores, total: resultado.requests.total, cpu };
  console.log(`  ${nombre}: ${redondear(medida.rps)} req/s, p50 ${medida.p50} ms, p99 ${medida.p99} ms, ${errores} respuestas no 2xx de ${medida.total}; núcleos: ${nucleos(cpu)}`);
  return medida;
}

const CLAVE_FASE: Record<string, string> = {
  "techo (ruta vacía)": "techo",
  "POST reprogramar": "post",
  "GET puede-reprogramar": "puede",
  "GET notificaciones (100.000 filas)": "lista",
};

const procesos: ReturnType<typeof run>[] = [];
const resend = await iniciarResendFalso();
// track_commit_timestamp gives the exact commit time of each reschedule for the latency figures.
// pg_stat_statements counts the statements per reschedule and where PostgreSQL's time goes.
const database = await prepareDatabase({ seed: true, throwaway: true, postgresFlags: ["-c", "track_commit_timestamp=on", "-c", "shared_preload_libraries=pg_stat_statements", "-c", "track_functions=pl"] });
const pool = new pg.Pool({ connectionString: database.url, max: 4 });
pool.on("error", () => {}); // an idle connection closed by the database's shutdown at the end
await pool.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
let codigo = 1;
try {
  console.log("Cargando datos de prueba…");
  const datos: DatosDeCarga = await cargarDatosDeCarga(pool);
  console.log(`  ${datos.reservas} reservas, ${datos.notificaciones} notificaciones, ${datos.clientes.length} clientes`);

  const puerto = await freePort();
  const url = `http://127.0.0.1:${puerto}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: database.url,
    DB_POOL_MAX: "32",
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: "secreto-del-benchmark",
    NEXT_TELEMETRY_DISABLED: "1",
    ADMIN_EMAILS: "auditoria@agencia.bo",
    BENCH_TECHO: "1",
    LIMITE_ESCRITURAS_POR_MINUTO: "100000000",
    LIMITE_LOGIN_FALLIDOS_CUENTA: "100000000",
    LIMITE_LOGIN_FALLIDOS_DIRECCION: "100000000",
    RESEND_API_KEY: "re_bench",
    RESEND_BASE_URL: resend.url,
    RESEND_CORREOS_POR_SEGUNDO: "1000000",
  };
  if (!process.env.BENCH_SKIP_BUILD && (await runToEnd(nextBin, ["build"], { env })) !== 0) throw new Error("next build falló");
  const servidor = run(process.execPath, [...PERFIL, "node_modules/next/dist/bin/next", "start", "--port", String(puerto), "--hostname", "127.0.0.1"], { env: { ...env, NOTIFICACIONES_WORKER: WORKER_APARTE ? "off" : "on" }, stdio: ["ignore", "ignore", "inherit"] });
  procesos.push(servidor);
  pids.servidor = servidor.pid;
  if (WORKER_APARTE) {
    const worker = run(process.execPath, [...PERFIL, "--import", "tsx", "scripts/worker.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
    procesos.push(worker);
    pids.worker = worker.pid;
  }
  await waitForHttp(`${url}/login`);

  // Ten sign-ins at a time: a hundred bcrypt checks at once overran the server's accept queue once.
  const cookiesClientes: string[] = [];
  for (let i = 0; i < datos.clientes.length; i += 10) cookiesClientes.push(...(await Promise.all(datos.clientes.slice(i, i + 10).map((c) => iniciarSesion(url, c.email, PASSWORD)))));
  const cookiePorCliente = new Map(datos.clientes.map((c, i) => [c.id, cookiesClientes[i]]));
  const cookieOperador = await iniciarSesion(url, "operador@demo.bo", PASSWORD);

  // Warm-up: first requests compile and cache code paths.
  const calentar = (ruta: string, cookie: string) => autocannon({ url: `${url}${ruta}`, connections: 4, amount: 200, headers: { cookie } });
  await calentar("/api/interno/techo", cookieOperador);
  await calentar("/api/notificaciones/reprogramaciones/", cookieOperador);

  console.log(`Midiendo (${CONEXIONES} conexiones, ${DURACION_S} s por ruta, worker ${WORKER_APARTE ? "en su propio proceso" : "dentro del servidor"})…`);
  const techo = await medir("techo (ruta vacía)", { url: `${url}/api/interno/techo`, headers: { cookie: cookieOperador } });

  /** One request per reservation of the list, in turn (each POST moves a different one). */
  const porReserva = (lista: DatosDeCarga["movibles"], solicitud: (r: DatosDeCarga["movibles"][number]) => Partial<autocannon.Request>) => {
    let siguiente = 0;
    const opciones: autocannon.Options = { url, requests: [{ setupRequest: (req) => ({ ...req, ...solicitud(lista[siguiente++ % lista.length]) }) }] };
    return { opciones, usadas: () => siguiente };
  };
  const mover = porReserva(datos.movibles, (r) => ({
    method: "POST",
    path: `/api/reservas/${r.id}/reprogramar/`,
    headers: { cookie: cookiePorCliente.get(r.clienteId)!, "content-type": "application/json" },
    body: JSON.stringify({ nueva_fecha: r.destino, motivo: "Cambio de planes del benchmark" }),
  }));
  let cpuAntesPost: Record<string, number> = {};
  const post = await medir("POST reprogramar", mover.opciones, (cpu) => {
    cpuAntesPost = cpu;
    void pool.query("SELECT pg_stat_statements_reset(), pg_stat_reset()");
  });
  const costo = fase("post") ? await costoPorReprogramacion(pool, cpuAntesPost, "Cambio de planes del benchmark") : null;
  if (costo) {
    console.log(`  por reprogramación confirmada (${costo.reprogramaciones}), con sus entregas: CPU ${nucleos(costo.cpuMs)} ms; ${redondear(costo.sentencias)} sentencias SQL`);
    for (const p of costo.principales) console.log(`    ${redondear(p.porReprogramacion)}× ${redondear(p.msPorReprogramacion)} ms  ${p.sql}`);
    for (const f of costo.funciones) console.log(`    función ${f.nombre}: ${redondear(f.porReprogramacion)}× ${f.msPorReprogramacion.toFixed(3)} ms`);
  }
  if (mover.usadas() > datos.movibles.length) console.log(`  (aviso: ${mover.usadas()} solicitudes para ${datos.movibles.length} reservas: algunas se repitieron)`);

  const consultar = porReserva(datos.consultables, (r) => ({
    method: "GET",
    path: `/api/reservas/${r.id}/puede-reprogramar/?nueva_fecha=${encodeURIComponent(r.destino)}`,
    headers: { cookie: cookiePorCliente.get(r.clienteId)! },
  }));
  const puede = await medir("GET puede-reprogramar", consultar.opciones);
  const lista = await medir("GET notificaciones (100.000 filas)", { url: `${url}/api/notificaciones/reprogramaciones/`, headers: { cookie: cookieOperador } });

  console.log("Latencias de entrega…");
  await esperarColaVacia(pool);
  const latencias = fase("latencia") ? await medirLatencias(url, pool, datos, cookiePorCliente, cookieOperador, resend) : { evento: { p50: NaN, p95: NaN, n: 0, de: 0 }, correo: { p50: NaN, p95: NaN, n: 0, de: 0 } };
  console.log(`  evento en vivo: p50 ${latencias.evento.p50} ms, p95 ${latencias.evento.p95} ms; correo a Resend: p50 ${latencias.correo.p50} ms, p95 ${latencias.correo.p95} ms`);

  console.log("Vaciado de la cola de correos…");
  await esperarColaVacia(pool);
  const drenaje = fase("drenaje") ? await medirDrenaje(pool, CORREOS_DRENAJE) : { segundos: NaN, porSegundo: NaN, fallidas: 0, n: 0, cpu: {} };
  console.log(`  ${CORREOS_DRENAJE} correos en ${redondear(drenaje.segundos)} s: ${redondear(drenaje.porSegundo)} correos/s; núcleos: ${nucleos(drenaje.cpu)}`);

  let lote: MedidaLote | null = null;
  if (fase("lote")) {
    console.log(`Reprogramación masiva de ${RESERVAS_LOTE} reservas…`);
    await esperarColaVacia(pool);
    const cookieAdmin = await iniciarSesion(url, "admin@demo.bo", PASSWORD);
    // To one day, from other days (a reservation already on it would not move).
    const dia = datos.latencia[0].destino.slice(0, 10);
    const reservas = datos.movibles.filter((r) => !r.origen.startsWith(dia)).slice(-RESERVAS_LOTE);
    const antes = cpuPorProceso(pids);
    const inicio = performance.now();
    lote = await medirLote(url, cookieAdmin, pool, resend, reservas, dia);
    const despues = cpuPorProceso(pids);
    const segundos = (performance.now() - inicio) / 1000;
    lote.cpu = Object.fromEntries(Object.keys(despues).map((k) => [k, (despues[k] - antes[k]) / segundos]));
    const l = lote;
    console.log(`  ${l.movidas} de ${l.n} movidas en ${redondear(l.segundos)} s = ${redondear(l.porSegundo)}/s; último correo en Resend a los ${redondear(l.ultimoCorreoS)} s; ${l.eventosProgreso} eventos de progreso`);
    console.log(`  base: ${l.historial} filas de historial, ${l.entregas} entregas (${l.enviadasUnaVez} enviadas al primer intento), ${l.correosEnResend} correos en Resend, ${l.correosRepetidos} repetidos; núcleos: ${nucleos(l.cpu ?? {})}`);
  }

  let importacion: MedidaImportacion | null = null;
  if (fase("importacion")) {
    console.log("Importación de un CSV…");
    await esperarColaVacia(pool);
    const cookieAdmin = await iniciarSesion(url, "admin@demo.bo", PASSWORD);
    const antes = cpuPorProceso(pids);
    const inicio = performance.now();
    importacion = await medirImportacion(url, cookieAdmin, (id) => cookiePorCliente.get(id)!, datos.consultables.slice(2_500));
    const despues = cpuPorProceso(pids);
    const segundos = (performance.now() - inicio) / 1000;
    importacion.cpu = Object.fromEntries(Object.keys(despues).map((k) => [k, (despues[k] - antes[k]) / segundos]));
    const i = importacion;
    console.log(`  prueba de ${i.filas} filas: ${redondear(i.pruebaS)} s; importación: ${redondear(i.importacionS)} s = ${redondear(i.filasPorS)} filas/s (${JSON.stringify(i.resumen)}); núcleos: ${nucleos(i.cpu ?? {})}`);
    console.log(`  reprogramación de un cliente sola: p50 ${i.solo.p50} ms, p95 ${i.solo.p95} ms (${i.solo.estados}); durante la importación: p50 ${i.durante.p50} ms, p95 ${i.durante.p95} ms (${i.durante.estados})`);
  }

  const planes = await planesDelPanel(pool);
  const filas = [techo, post, puede, lista].map((m) => ({ ...m, ratio: m.rps / techo.rps }));
  if (SOLO) console.log(`BENCH_SOLO: solo ${SOLO.join(", ")}; BENCHMARKS.md no se reescribe.`);
  else escribirInforme({ filas, costo, latencias, drenaje, lote, datos, planes, importacion });
  codigo = 0;
} catch (error) {
  console.error(error);
} finally {
  await stopAll(procesos);
  await pool.end();
  await database.stop();
  await resend.cerrar();
}
process.exit(codigo);

/** 100 reschedules, 20 per second, while an SSE client listens: commit → event, commit → email at Resend. */
async function medirLatencias(url: string, pool: pg.Pool, datos: DatosDeCarga, cookies: Map<number, string>, cookieOperador: string, resendFalso: typeof resend) {
  const { llegadas, cerrar } = await escucharEventos(url, cookieOperador);
  await new Promise((r) => setTimeout(r, 500));
  const muestras = datos.latencia.slice(0, 100);
  const correosAntes = resendFalso.peticiones.length;
  for (const r of muestras) {
    const respuesta = await fetch(`${url}/api/reservas/${r.id}/reprogramar/`, {
      method: "POST",
      headers: { cookie: cookies.get(r.clienteId)!, "content-type": "application/json" },
      body: JSON.stringify({ nueva_fecha: r.destino, motivo: "Medición de latencia" }),
    });
    if (!respuesta.ok) throw new Error(`reprogramar ${r.id}: ${respuesta.status} ${await respuesta.text()}`);
    await new Promise((res) => setTimeout(res, 50));
  }
  const ids = muestras.map((r) => r.id);
  const limite = Date.now() + 30_000;
  while ((llegadas.size < ids.length || resendFalso.peticiones.length - correosAntes < ids.length * 2) && Date.now() < limite) await new Promise((r) => setTimeout(r, 100));
  await cerrar();
  const { rows } = await pool.query<{ reserva_id: number; entrega_id: number | null; plantilla: string | null; commit_ms: string }>(
    // The feed row is written once, by the reschedule's transaction (the history row is updated later).
    `SELECT h.reserva_id, e.id AS entrega_id, e.plantilla, (extract(epoch FROM pg_xact_commit_timestamp(n.xmin)) * 1000)::float8 AS commit_ms
     FROM historial_reprogramacion h JOIN notificacion n ON n.historial_id = h.id
       LEFT JOIN entrega_notificacion e ON e.historial_id = h.id AND e.canal = 'EMAIL'
     WHERE h.reserva_id = ANY($1::int[])`,
    [ids],
  );
  const commitDe = new Map(rows.map((f) => [f.reserva_id, Number(f.commit_ms)]));
  const recibidoPorClave = new Map(resendFalso.peticiones.map((p) => [p.clave, p.en]));
  const evento = ids.filter((id) => llegadas.has(id)).map((id) => llegadas.get(id)!.en - commitDe.get(id)!);
  const correo = rows.filter((f) => f.entrega_id && recibidoPorClave.has(`entrega-${f.entrega_id}`)).map((f) => recibidoPorClave.get(`entrega-${f.entrega_id}`)! - Number(f.commit_ms));
  return {
    evento: { p50: percentil(evento, 50), p95: percentil(evento, 95), n: evento.length, de: ids.length },
    correo: { p50: percentil(correo, 50), p95: percentil(correo, 95), n: correo.length, de: rows.filter((f) => f.entrega_id).length },
  };
}

/** N pending email deliveries and their jobs committed at once; the rate is N over the time until all are sent. */
async function medirDrenaje(pool: pg.Pool, n: number) {
  const antes = cpuPorProceso(pids);
  const { rows } = await pool.query<{ inicio: string }>(
    `WITH h AS (SELECT id FROM historial_reprogramacion ORDER BY id LIMIT $1),
     e AS (INSERT INTO entrega_notificacion (historial_id, canal, destinatario, plantilla, updated_at)
           SELECT id, 'EMAIL', 'cliente' || id || '@bench.bo', 'reprogramacion-cliente', now() FROM h RETURNING id)
     SELECT count(*)::int AS n, (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS inicio
     FROM graphile_worker.add_jobs((SELECT array_agg(('entregar_notificacion', json_build_object('entregaId', e.id), NULL, NULL, 3, NULL, NULL, NULL)::graphile_worker.job_spec) FROM e))`,
    [n],
  );
  const inicio = Number(rows[0].inicio);
  for (;;) {
    const { rows: estado } = await pool.query<{ pendientes: number }>(
      "SELECT count(*)::int AS pendientes FROM entrega_notificacion WHERE destinatario LIKE '%@bench.bo' AND estado NOT IN ('ENVIADA', 'FALLIDA')",
    );
    if (estado[0].pendientes === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const { rows: fin } = await pool.query<{ fin: string; fallidas: number }>(
    "SELECT (extract(epoch FROM max(enviada_at)) * 1000)::float8 AS fin, count(*) FILTER (WHERE estado = 'FALLIDA')::int AS fallidas FROM entrega_notificacion WHERE destinatario LIKE '%@bench.bo'",
  );
  const segundos = (Number(fin[0].fin) - inicio) / 1000;
  const despues = cpuPorProceso(pids);
  const cpu = Object.fromEntries(Object.keys(despues).map((k) => [k, (despues[k] - antes[k]) / segundos]));
  return { segundos, porSegundo: n / segundos, fallidas: fin[0].fallidas, n, cpu };
}

/** EXPLAIN ANALYZE of the support panel's two statements (first page, and both counts) on the full table. */
async function planesDelPanel(pool: pg.Pool) {
  const consultas = {
    pagina: "SELECT * FROM notificacion ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 0",
    conteos: "SELECT coalesce(sum(total), 0)::int AS total, coalesce(sum(no_leidas), 0)::int AS no_leidas FROM conteo_notificaciones",
    no_leidas: "SELECT * FROM notificacion WHERE leida = false ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 0",
  };
  const planes: Record<string, string> = {};
  for (const [nombre, sql] of Object.entries(consultas)) {
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
    planes[nombre] = `${sql}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`;
  }
  return planes;
}

interface Informe {
  filas: (Medida & { ratio: number })[];
  latencias: Awaited<ReturnType<typeof medirLatencias>>;
  drenaje: Awaited<ReturnType<typeof medirDrenaje>>;
  costo: CostoReprogramacion | null;
  lote: MedidaLote | null;
  datos: DatosDeCarga;
  planes: Record<string, string>;
  importacion: MedidaImportacion | null;
}

function escribirInforme({ filas, costo, latencias, drenaje, lote: l, datos, planes, importacion: i }: Informe) {
  const cpu = os.cpus()[0]?.model ?? "desconocida";
  const lineas = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (scripts/bench.ts); re-run it to refresh this file.",
    "",
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`,
    `- Server: production build (\`next build\`, \`next start\`), embedded PostgreSQL (fsync off, throwaway), DB pool 32; delivery worker ${WORKER_APARTE ? "in its own process (`npm run worker`)" : "inside the server"}`,
    `- Data: ${datos.reservas} reservations of ${datos.clientes.length} clients, ${datos.notificaciones} feed rows`,
    `- Load: autocannon, ${CONEXIONES} connections, ${DURACION_S} s per path, in the same process as the stand-ins; the ceiling is an empty route handler behind the same proxy.ts (/api/interno/techo, only with BENCH_TECHO=1)`,
    `- Command: \`${["BENCH_DURACION_S", "BENCH_CONEXIONES", "BENCH_WORKER", "BENCH_CORREOS", "BENCH_LOTE"].filter((k) => process.env[k]).map((k) => `${k}=${process.env[k]} `).join("")}npm run bench\``,
    "",
    "| path | req/s | ÷ ceiling | p50 | p99 | non-2xx | cores: server / worker / PostgreSQL / load generator |",
    "|---|---|---|---|---|---|---|",
    ...filas.map(
      (f) =>
        `| ${f.ruta} | ${redondear(f.rps)} | ${f.ratio.toFixed(2)} | ${f.p50} ms | ${f.p99} ms | ${f.errores} of ${f.total} | ${["servidor", "worker", "postgres", "benchmark"].map((k) => f.cpu[k]?.toFixed(2) ?? "–").join(" / ")} |`,
    ),
    "",
    "| delivery | p50 | p95 | samples |",
    "|---|---|---|---|",
    `| live event, commit → SSE client | ${latencias.evento.p50} ms | ${latencias.evento.p95} ms | ${latencias.evento.n} of ${latencias.evento.de} |`,
    `| email, commit → Resend stand-in | ${latencias.correo.p50} ms | ${latencias.correo.p95} ms | ${latencias.correo.n} of ${latencias.correo.de} |`,
    "",
    `Email queue drain (no provider rate limit): ${drenaje.n} emails in ${redondear(drenaje.segundos)} s = **${redondear(drenaje.porSegundo)} emails/s** (${drenaje.fallidas} failed); cores: ${nucleos(drenaje.cpu)}; PostgreSQL CPU per email ${redondear(((drenaje.cpu.postgres ?? NaN) * drenaje.segundos * 1000) / drenaje.n)} ms.`,
    "",
    ...(costo
      ? [
          "## Cost of one committed reschedule, its deliveries included",
          "",
          `From the start of the POST run until the queue it filled was empty, divided by the ${costo.reprogramaciones} reschedules committed: **CPU ${Object.entries(costo.cpuMs).map(([k, v]) => `${k} ${v.toFixed(2)} ms`).join(", ")}** (all together ${Object.values(costo.cpuMs).reduce((a, b) => a + b, 0).toFixed(1)} ms); **${redondear(costo.sentencias)} SQL statements** (pg_stat_statements, top level, BEGIN/COMMIT included).`,
          "",
          "| statement | per reschedule | PostgreSQL ms per reschedule | mean ms |",
          "|---|---|---|---|",
          ...costo.principales.map((p) => `| \`${p.sql.replace(/\|/g, "\\|")}\` | ${redondear(p.porReprogramacion)} | ${p.msPorReprogramacion.toFixed(3)} | ${p.mediaMs.toFixed(3)} |`),
          "",
          "PL/pgSQL functions (triggers and graphile's add_job), own time (`pg_stat_user_functions`, `track_functions=pl`):",
          "",
          "| function | calls per reschedule | ms per reschedule |",
          "|---|---|---|",
          ...costo.funciones.map((f) => `| \`${f.nombre}\` | ${redondear(f.porReprogramacion)} | ${f.msPorReprogramacion.toFixed(3)} |`),
          "",
        ]
      : []),
    ...(l
      ? [
          "## Bulk move",
          "",
          `POST /api/admin/lotes/ of ${l.n} reservations to one day, Resend stand-in unpaced: **${l.movidas} moved in ${redondear(l.segundos)} s = ${redondear(l.porSegundo)} a second**; the last of their emails reached the stand-in ${redondear(l.ultimoCorreoS)} s after the POST; ${l.eventosProgreso} progress events streamed. Database afterwards: ${l.historial} history rows, ${l.entregas} deliveries (${l.enviadasUnaVez} sent at the first attempt), ${l.correosEnResend} emails at the stand-in, ${l.correosRepetidos} sent twice. Cores: ${nucleos(l.cpu ?? {})}.`,
          "",
        ]
      : []),
    ...(i
      ? [
          "## CSV import",
          "",
          `A ${i.filas}-row file (2,500 new clients, two services per row, dates over 300 days; the data set’s daily capacity is 100,000, so no day ends over it) uploaded to POST /api/admin/importaciones/ as the admin does; the worker ${WORKER_APARTE ? "in its own process" : "inside the server"} applies it in batches of 50 rows (IMPORTACION_FILAS_POR_TANDA).`,
          "",
          `- Dry run (the whole file read against the data, nothing written): **${redondear(i.pruebaS)} s**`,
          `- Import, upload to the last row applied: **${redondear(i.importacionS)} s = ${redondear(i.filasPorS)} rows/s** (${Object.entries(i.resumen).map(([k, v]) => `${k} ${v}`).join(", ")}); cores: ${nucleos(i.cpu ?? {})}`,
          `- One client's reschedules, one every 100 ms: alone p50 ${i.solo.p50} ms, **p95 ${i.solo.p95} ms** (${i.solo.n}: ${i.solo.estados}); during the import p50 ${i.durante.p50} ms, **p95 ${i.durante.p95} ms** (${i.durante.n}: ${i.durante.estados})`,
          "",
        ]
      : []),
    `## Support panel query plans (${datos.notificaciones} rows, after the run)`,
    "",
    ...Object.values(planes).flatMap((plan) => ["```", plan, "```", ""]),
  ];
  writeFileSync("BENCHMARKS.md", lineas.join("\n"));
  console.log("\n" + lineas.join("\n"));
}
