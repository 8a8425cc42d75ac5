// npm run test:reliability: the production build, its notification workers and the live feed under
// three faults, with the default delivery settings, a real embedded PostgreSQL and the real Resend
// SDK pointed at the local stand-in.
//   1. A worker is SIGKILLed mid-delivery: every delivery is sent within 2 minutes, none twice.
//   2. PostgreSQL is down for 10 s: both workers (in-server and standalone) stay alive and resume;
//      the support panel shows "Reconectando…" and then delivers live events again.
//   3. The email provider answers 503 for 60 s: every email is delivered exactly once.
//   4. PostgreSQL is down for 10 s with a single worker, once inside `next start` (the default layout)
//      and once on its own: a reschedule made 30 s after the database is back has every delivery
//      sent within 30 s; /api/salud turns 503 within 5 s and 200 again; a 500 during the outage
//      carries the request id in its body, its header and one log line.
//   5. next start gets SIGTERM with a staff live feed and a support tab open: the feed ends, the
//      process exits within 10 s (a rolling deploy does not wait on them), its worker holds no job,
//      and the tab is live again on the next server without a reload.
// FIABILIDAD_SOLO=1,4 runs only those scenarios.
// Ends with "N passed, N failed"; exit code 1 on any failure. Takes about 5 minutes.
import type { ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import pg from "pg";
import { seed } from "@/prisma/seed";
import { createClient } from "@/lib/db/client";
import { iniciarResendFalso } from "@/tests/fakes/resend";
import { aLaHora, diaHabil } from "@/tests/fechas";
import { embeddedUrl, freePort, startEmbedded, stopEmbedded } from "./lib/database";
import { migrate } from "./lib/prepare";
import { RUTA_STREAM } from "@/lib/notificaciones/tiempo-real/configuracion";
import { ARGUMENTOS_CHROMIUM, buscarNavegador, SIN_NAVEGADOR } from "./lib/navegador";
import { exited, nextBin, run, runToEnd, waitForHttp } from "./lib/processes";

const resultados: { nombre: string; ok: boolean; detalle: string }[] = [];
const procesos: ChildProcess[] = [];
const esperar = (ms: number) => new Promise((r) => setTimeout(r, ms));

const SOLO = process.env.FIABILIDAD_SOLO?.split(",");
async function escenario(nombre: string, cuerpo: () => Promise<string>) {
  if (SOLO && !SOLO.includes(nombre.split(".")[0])) return;
  console.log(`\n▶ ${nombre}`);
  const inicio = Date.now();
  try {
    const detalle = await cuerpo();
    resultados.push({ nombre, ok: true, detalle });
    console.log(`  ✓ ${detalle} (${((Date.now() - inicio) / 1000).toFixed(0)} s)`);
  } catch (error) {
    resultados.push({ nombre, ok: false, detalle: (error as Error).message });
    console.log(`  ✗ ${(error as Error).message}`);
  }
}

function afirmar(condicion: unknown, mensaje: string): asserts condicion {
  if (!condicion) throw new Error(mensaje);
}

async function hasta<T>(descripcion: string, limiteMs: number, comprobar: () => Promise<T | null | false | undefined>): Promise<T> {
  const fin = Date.now() + limiteMs;
  for (;;) {
    const valor = await comprobar().catch(() => null);
    if (valor) return valor;
    if (Date.now() > fin) throw new Error(`${descripcion}: no ocurrió en ${limiteMs / 1000} s`);
    await esperar(500);
  }
}

// PostgreSQL that can be stopped and started again on the same port and data.
const dataDir = mkdtempSync(path.join(tmpdir(), "reprogramaciones-fallos-"));
rmSync(dataDir, { recursive: true });
const puertoPg = await freePort();
let postgres = await startEmbedded(dataDir, puertoPg, true);
const pgAdmin = new pg.Client({ connectionString: embeddedUrl(puertoPg, "postgres") });
await pgAdmin.connect();
await pgAdmin.query('CREATE DATABASE "fallos"');
await pgAdmin.end();
const DATABASE_URL = embeddedUrl(puertoPg, "fallos");
await migrate(DATABASE_URL);
const semilla = createClient(DATABASE_URL);
await seed(semilla);
await semilla.$disconnect();
const base = new pg.Pool({ connectionString: DATABASE_URL, max: 3 });
base.on("error", () => {});

const resend = await iniciarResendFalso();
const puertoWeb = await freePort();
const URL_WEB = `http://127.0.0.1:${puertoWeb}`;
// Default delivery settings: only where to find the services is set.
const entorno = {
  ...process.env,
  DATABASE_URL,
  NEXTAUTH_URL: URL_WEB,
  NEXTAUTH_SECRET: "secreto-de-pruebas-de-fallos",
  NEXT_TELEMETRY_DISABLED: "1",
  ADMIN_EMAILS: "auditoria@agencia.bo",
  RESEND_API_KEY: "re_fallos123",
  RESEND_BASE_URL: resend.url,
  RESEND_CORREOS_POR_SEGUNDO: "50",
  LIMITE_ESCRITURAS_POR_MINUTO: "100000",
};

// Each process's log lines (pino JSON on stdout) in a file, to find a request id in them.
const carpetaRegistros = mkdtempSync(path.join(tmpdir(), "reprogramaciones-registros-"));
let numeroRegistro = 0;
function conRegistro(proceso: ChildProcess, nombre: string): ChildProcess & { registro: string } {
  const archivo = path.join(carpetaRegistros, `${nombre}-${++numeroRegistro}.log`);
  proceso.stdout?.pipe(createWriteStream(archivo));
  return Object.assign(proceso, { registro: archivo });
}

function iniciarWorker(): ChildProcess {
  const worker = conRegistro(run("node_modules/.bin/tsx", ["scripts/worker.ts"], { env: entorno, stdio: ["ignore", "pipe", "inherit"], detached: true }), "worker");
  procesos.push(worker);
  return worker;
}
const vivo = (p: ChildProcess) => p.exitCode === null && p.signalCode === null;

let siguienteDia = 30;
/** A fresh reservation rescheduled by the operator through the API: one client + one admin email. */
async function reprogramar(cookie: string): Promise<number> {
  const { rows } = await base.query(
    `INSERT INTO reserva (usuario_id, destino, fecha_inicio, estado, total, moneda, updated_at)
     SELECT id, 'Destino de prueba', $1, 'CONFIRMADA', 1000, 'BOB', now() FROM usuario WHERE email = 'cliente@demo.bo' RETURNING id`,
    [aLaHora(siguienteDia, 10)],
  );
  const nueva = diaHabil(siguienteDia + 3);
  siguienteDia += 1;
  const r = await fetch(`${URL_WEB}/api/reservas/${rows[0].id}/reprogramar/`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ nueva_fecha: nueva.toISOString(), motivo: "Prueba de tolerancia a fallos" }),
  });
  afirmar(r.status === 200, `reprogramar respondió ${r.status}: ${await r.text()}`);
  return rows[0].id;
}

async function iniciarSesionApi(email: string): Promise<string> {
  const csrf = await fetch(`${URL_WEB}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const cookies = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]);
  const login = await fetch(`${URL_WEB}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: "demo1234", json: "true" }),
  });
  return [...cookies, ...(login.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0])].join("; ");
}

/** Deliveries of these reservations' reschedules not yet sent (all channels). */
async function pendientes(reservas: number[]): Promise<number> {
  const { rows } = await base.query(
    `SELECT count(*)::int AS n FROM entrega_notificacion e JOIN historial_reprogramacion h ON h.id = e.historial_id WHERE h.reserva_id = ANY($1) AND e.estado <> 'ENVIADA'`,
    [reservas],
  );
  return rows[0].n;
}

/** Emails the provider stored for these reservations, and whether any delivery was stored twice. */
async function correosDe(reservas: number[]) {
  const { rows } = await base.query(
    `SELECT e.id FROM entrega_notificacion e JOIN historial_reprogramacion h ON h.id = e.historial_id WHERE h.reserva_id = ANY($1) AND e.canal = 'EMAIL'`,
    [reservas],
  );
  const claves = new Set(rows.map((r) => `entrega-${r.id}`));
  const guardados = resend.enviados.filter((c) => c.clave && claves.has(c.clave));
  return { esperados: claves.size, guardados: guardados.length, distintos: new Set(guardados.map((c) => c.clave)).size };
}

let salida = 1;
const chromiumHallado = buscarNavegador();
if (!chromiumHallado) throw new Error(SIN_NAVEGADOR);
const navegador = await chromium.launch({ executablePath: chromiumHallado.ruta, args: ARGUMENTOS_CHROMIUM });
try {
  if (!process.env.E2E_SKIP_BUILD) afirmar((await runToEnd(nextBin, ["build"], { env: entorno })) === 0, "next build falló");
  // The web server delivers too (in-server worker); scenario 1 turns it off to control who holds the jobs.
  const iniciarWeb = (conWorker: boolean) => {
    const web = run(nextBin, ["start", "--port", String(puertoWeb), "--hostname", "127.0.0.1"], {
      env: { ...entorno, NOTIFICACIONES_WORKER: conWorker ? "" : "off" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    procesos.push(web);
    return conRegistro(web, "web");
  };
  // A scenario starts with nothing of the last one running: a server that SIGTERM has not ended in
  // 10 s (an open live feed keeps next start's HTTP server closing, and its worker running) is killed.
  const senal = (p: ChildProcess, s: NodeJS.Signals) => process.kill(p.spawnargs[0].endsWith("tsx") ? -p.pid! : p.pid!, s);
  const detenerTodo = async () => {
    for (const p of procesos.filter(vivo)) senal(p, "SIGTERM");
    await Promise.all(procesos.map((p) => Promise.race([exited(p), esperar(10_000)])));
    for (const p of procesos.filter(vivo)) senal(p, "SIGKILL");
    await Promise.all(procesos.map((p) => Promise.race([exited(p), esperar(5_000)])));
  };
  /** An operator's browser tab on /soporte, its live panel connected. */
  const pestanaDeSoporte = async () => {
    const pagina = await (await navegador.newContext({ baseURL: URL_WEB, locale: "es-BO" })).newPage();
    await pagina.goto("/login");
    await pagina.getByLabel("Correo electrónico").fill("operador@demo.bo");
    await pagina.getByLabel("Contraseña").fill("demo1234");
    await pagina.getByRole("button", { name: "Ingresar" }).click();
    await pagina.getByTestId("estado-conexion").filter({ hasText: "En vivo" }).waitFor({ timeout: 20_000 });
    return pagina;
  };
  let web = iniciarWeb(false);
  await waitForHttp(`${URL_WEB}/login`);
  const operador = await iniciarSesionApi("operador@demo.bo");

  await escenario("1. Worker terminado con SIGKILL en plena entrega", async () => {
    const primero = iniciarWorker();
    resend.demorar(3000);
    const reservas: number[] = [];
    for (let i = 0; i < 6; i++) reservas.push(await reprogramar(operador));
    await hasta("el worker recibe trabajos", 30_000, async () => resend.peticiones.length > 0 || (await base.query("SELECT 1 FROM graphile_worker._private_jobs WHERE locked_at IS NOT NULL")).rowCount);
    await esperar(500);
    process.kill(-primero.pid!, "SIGKILL");
    await exited(primero);
    const muerto = Date.now();
    const bloqueados = (await base.query("SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE locked_at IS NOT NULL")).rows[0].n;
    resend.demorar(0);
    iniciarWorker();
    await hasta("todas las entregas enviadas", 150_000, async () => (await pendientes(reservas)) === 0);
    const segundos = (Date.now() - muerto) / 1000;
    const correos = await correosDe(reservas);
    afirmar(segundos <= 120, `las entregas tardaron ${segundos.toFixed(0)} s tras el SIGKILL (límite 120 s)`);
    afirmar(correos.guardados === correos.esperados && correos.distintos === correos.esperados, `correos: ${JSON.stringify(correos)}`);
    return `${bloqueados} trabajos quedaron bloqueados por el worker muerto; las ${correos.esperados} entregas de correo y las en vivo se enviaron ${segundos.toFixed(0)} s después, cada correo una vez`;
  });

  await escenario("2. PostgreSQL caído 10 s", async () => {
    // From here on the web server runs its own worker too, beside the standalone one.
    web.kill("SIGTERM");
    await exited(web);
    web = iniciarWeb(true);
    await waitForHttp(`${URL_WEB}/login`);
    const standalone = procesos.filter((p) => p !== web && vivo(p)).at(-1)!;
    const pagina = await pestanaDeSoporte();

    resend.demorar(2000);
    const antes = [await reprogramar(operador), await reprogramar(operador)];
    await stopEmbedded(postgres);
    const caida = Date.now();
    await pagina.getByTestId("estado-conexion").filter({ hasText: "Reconectando…" }).waitFor({ timeout: 10_000 });
    const reconectandoEn = (Date.now() - caida) / 1000;
    await esperar(10_000 - (Date.now() - caida));
    postgres = await startEmbedded(dataDir, puertoPg, true);
    resend.demorar(0);
    afirmar(vivo(web) && vivo(standalone), "un proceso terminó durante la caída");
    await pagina.getByTestId("estado-conexion").filter({ hasText: "En vivo" }).waitFor({ timeout: 60_000 });
    const enVivoEn = (Date.now() - caida) / 1000;
    const despues = await hasta("reprogramar tras la caída", 30_000, async () => reprogramar(await iniciarSesionApi("operador@demo.bo")));
    await pagina.getByText(`Reserva #${despues}`).first().waitFor({ timeout: 10_000 });
    await hasta("entregas de antes y después de la caída enviadas", 150_000, async () => (await pendientes([...antes, despues])) === 0);
    const correos = await correosDe([...antes, despues]);
    afirmar(correos.guardados === correos.esperados, `correos: ${JSON.stringify(correos)}`);
    afirmar(vivo(web) && vivo(standalone), "un proceso terminó tras la caída");
    return `el panel mostró "Reconectando…" a los ${reconectandoEn.toFixed(1)} s y "En vivo" a los ${enVivoEn.toFixed(1)} s; ambos workers siguen vivos; el evento de la reserva ${despues} llegó al panel; ${correos.esperados} correos enviados, una vez cada uno`;
  });

  await escenario("3. Proveedor de correo caído 60 s, con los reintentos por defecto", async () => {
    resend.caer(60_000);
    const inicio = Date.now();
    const reservas = [await reprogramar(operador), await reprogramar(operador), await reprogramar(operador)];
    await hasta("todos los correos entregados", 240_000, async () => (await pendientes(reservas)) === 0);
    const correos = await correosDe(reservas);
    const { rows } = await base.query(
      `SELECT max(e.intentos)::int AS intentos, count(*) FILTER (WHERE e.estado = 'FALLIDA')::int AS fallidas FROM entrega_notificacion e JOIN historial_reprogramacion h ON h.id = e.historial_id WHERE h.reserva_id = ANY($1)`,
      [reservas],
    );
    afirmar(correos.guardados === correos.esperados && correos.distintos === correos.esperados, `correos: ${JSON.stringify(correos)}`);
    afirmar(rows[0].fallidas === 0, `${rows[0].fallidas} entregas en descartes`);
    return `${correos.esperados} correos entregados una vez cada uno, ${((Date.now() - inicio) / 1000).toFixed(0)} s después, con hasta ${rows[0].intentos} intentos y ninguno en descartes`;
  });
  for (const disposicion of ["servidor", "proceso"] as const) {
    await escenario(`4${disposicion === "servidor" ? "a" : "b"}. PostgreSQL caído 10 s con un solo worker, ${disposicion === "servidor" ? "dentro de next start" : "en su propio proceso"}`, async () => {
      await detenerTodo();
      web = iniciarWeb(disposicion === "servidor");
      if (disposicion === "proceso") iniciarWorker();
      await waitForHttp(`${URL_WEB}/login`);
      const sesion = await iniciarSesionApi("operador@demo.bo");
      const admin = await iniciarSesionApi("admin@demo.bo");
      const antes = await reprogramar(sesion);
      await hasta("entregas de antes de la caída", 30_000, async () => (await pendientes([antes])) === 0);
      afirmar((await fetch(`${URL_WEB}/api/salud`)).status === 200, "/api/salud no respondió 200 antes de la caída");
      // Deliveries in flight when the database goes: their completion fails mid-outage.
      resend.demorar(2000);
      const enVuelo = [await reprogramar(sesion), await reprogramar(sesion)];
      await hasta("el worker toma los trabajos", 10_000, async () => resend.peticiones.length > 0 && (await base.query("SELECT 1 FROM graphile_worker._private_jobs WHERE locked_at IS NOT NULL")).rowCount);

      await stopEmbedded(postgres);
      const caida = Date.now();
      await hasta("/api/salud 503", 5_000, async () => (await fetch(`${URL_WEB}/api/salud`)).status === 503);
      const degradadoEn = (Date.now() - caida) / 1000;
      // A request that cannot be served: a 500 whose body and header carry one id, found in the log.
      const fallida = await fetch(`${URL_WEB}/api/reservas/`, { headers: { cookie: sesion } });
      const cuerpo = await fallida.json();
      const id = fallida.headers.get("x-request-id");
      afirmar(fallida.status === 500 && id && cuerpo.request_id === id, `500 sin el mismo id: ${fallida.status} ${JSON.stringify(cuerpo)} ${id}`);
      await esperar(10_000 - (Date.now() - caida));
      postgres = await startEmbedded(dataDir, puertoPg, true);
      resend.demorar(0);
      const vuelta = Date.now();
      await hasta("/api/salud 200 tras la caída", 30_000, async () => (await fetch(`${URL_WEB}/api/salud`)).status === 200);
      const lineas = readFileSync(web.registro, "utf8").split("\n").filter((l) => l.includes(id));
      afirmar(lineas.some((l) => JSON.parse(l).status === 500), `ninguna línea del registro con ${id} y status 500`);

      await esperar(30_000 - (Date.now() - vuelta));
      const despues = await reprogramar(sesion);
      const hecha = Date.now();
      await hasta("entregas de la reprogramación 30 s después de la vuelta", 30_000, async () => (await pendientes([despues])) === 0);
      const entregadasEn = (Date.now() - hecha) / 1000;
      await hasta("entregas en vuelo durante la caída", 120_000, async () => (await pendientes(enVuelo)) === 0);
      const correos = await correosDe([...enVuelo, despues]);
      afirmar(correos.guardados === correos.esperados && correos.distintos === correos.esperados, `correos: ${JSON.stringify(correos)}`);
      const salud = await (await fetch(`${URL_WEB}/api/admin/salud`, { headers: { cookie: admin } })).json();
      afirmar(salud.workers.some((w: { disposicion: string; vivo: boolean }) => w.disposicion === disposicion && w.vivo), `/api/admin/salud sin worker ${disposicion} vivo: ${JSON.stringify(salud)}`);
      return `/api/salud 503 a los ${degradadoEn.toFixed(1)} s de la caída y 200 al volver; el 500 llevó ${id} en cuerpo, cabecera y ${lineas.length} línea(s) del registro; las entregas de la reserva ${despues} (30 s tras la vuelta) se enviaron en ${entregadasEn.toFixed(1)} s, y las ${correos.esperados} de correo en vuelo durante la caída, una vez cada una; /api/admin/salud: ${salud.estado}, ${salud.workers.length} worker(s)`;
    });
  }
  await escenario("5. SIGTERM a next start con el panel en vivo abierto", async () => {
    await detenerTodo();
    web = iniciarWeb(true);
    await waitForHttp(`${URL_WEB}/login`);
    const sesion = await iniciarSesionApi("operador@demo.bo");
    // A support tab with the panel open, as in a real deploy: its EventSource reconnects by itself.
    const pestana = await pestanaDeSoporte();
    const feed = await fetch(`${URL_WEB}${RUTA_STREAM}`, { headers: { cookie: sesion } });
    afirmar(feed.status === 200 && feed.body, `el panel en vivo respondió ${feed.status}`);
    const lector = feed.body.getReader();
    await lector.read();
    const hecha = await reprogramar(sesion);
    await hasta("entregas antes del SIGTERM", 30_000, async () => (await pendientes([hecha])) === 0);
    const senalada = Date.now();
    senal(web, "SIGTERM");
    const feedTermina = (async () => {
      for (;;) if ((await lector.read()).done) return Date.now() - senalada;
    })().catch(() => Date.now() - senalada);
    const codigo = await Promise.race([exited(web), esperar(10_000).then(() => null)]);
    afirmar(codigo !== null, "next start seguía vivo 10 s después del SIGTERM");
    const salioEn = Date.now() - senalada;
    const feedEn = await Promise.race([feedTermina, esperar(1_000).then(() => null)]);
    afirmar(feedEn !== null, "el panel en vivo siguió abierto");
    const bloqueados = (await base.query("SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE locked_at IS NOT NULL")).rows[0].n;
    afirmar(bloqueados === 0, `${bloqueados} trabajos quedaron bloqueados por el worker detenido`);
    // The next server on the same address: the open tab is live again without a reload.
    const nuevo = Date.now();
    web = iniciarWeb(true);
    await waitForHttp(`${URL_WEB}/login`);
    await pestana.getByTestId("estado-conexion").filter({ hasText: "En vivo" }).waitFor({ timeout: 30_000 });
    const reconectadaEn = (Date.now() - nuevo) / 1000;
    await pestana.context().close();
    return `el panel en vivo terminó ${feedEn} ms después del SIGTERM y next start salió a los ${salioEn} ms (código ${codigo}), con una pestaña de soporte abierta y sin trabajos bloqueados; la pestaña volvió a «En vivo» ${reconectadaEn.toFixed(1)} s después de arrancar el servidor siguiente, sin recargar`;
  });
  salida = resultados.every((r) => r.ok) ? 0 : 1;
} catch (error) {
  console.error(error);
} finally {
  await navegador.close();
  for (const p of procesos) if (vivo(p)) {
    try {
      process.kill(p.spawnargs[0].endsWith("tsx") ? -p.pid! : p.pid!, "SIGTERM");
    } catch {}
  }
  await Promise.all(procesos.map((p) => Promise.race([exited(p), esperar(10_000)])));
  await base.end().catch(() => {});
  await resend.cerrar();
  await stopEmbedded(postgres).catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
  if (salida === 0) rmSync(carpetaRegistros, { recursive: true, force: true });
  else console.log(`Registros de los procesos: ${carpetaRegistros}`);
}
const aprobados = resultados.filter((r) => r.ok).length;
console.log(`\n${aprobados} passed, ${resultados.length - aprobados} failed`);
process.exit(salida);
