// End-to-end tests: a production build (`next build`, `next start`) driven by Playwright in Debian's
// Chromium. Two servers from the same build, each on its own throwaway, migrated and seeded database:
// - "integrado": no Resend, no Pusher — dev mailbox and the built-in SSE feed (most specs);
// - "proveedores": the real Resend, Pusher and Twilio SDKs pointed at local stand-ins started here
//   (the Twilio one also calls back with signed SMS status reports);
// - "limites": the default rate limits (the other two raise them: their specs sign in and write a lot).
// Exit code: Playwright's.
import type { ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { iniciarPusherFalso } from "@/tests/fakes/pusher";
import { iniciarResendFalso } from "@/tests/fakes/resend";
import { iniciarTwilioFalso } from "@/tests/fakes/twilio";
import { freePort, type Database } from "./lib/database";
import { buscarNavegador, SIN_NAVEGADOR } from "./lib/navegador";
import { prepareDatabase } from "./lib/prepare";
import { exited, nextBin, run, runToEnd, waitForHttp } from "./lib/processes";

const PUSHER_APP = { id: "e2e-app", key: "e2e-clave", secret: "e2e-secreto" };
const TWILIO_CUENTA = { cuenta: `AC${"e2".repeat(16)}`, token: "e2e-token-twilio" };
// The specs of the first two servers sign in and write far more than a person does.
const LIMITES_ALTOS = { LIMITE_ESCRITURAS_POR_MINUTO: "1000000", LIMITE_LOGIN_FALLIDOS_CUENTA: "1000000", LIMITE_LOGIN_FALLIDOS_DIRECCION: "1000000" };

const databases: Database[] = [];
const servers: ChildProcess[] = [];

async function baseEnv() {
  const database = await prepareDatabase({ seed: true, throwaway: true });
  databases.push(database);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: "secreto-de-pruebas-e2e",
    NEXT_TELEMETRY_DISABLED: "1",
    ADMIN_EMAILS: "auditoria@agencia.bo",
  };
  return { port, url, env, database };
}

// Each server's log (stdout and stderr) in reports/registros/<name>.log, scanned at the end.
const REGISTROS = path.join("reports", "registros");
const CONTRATO = path.join("reports", "contrato");
rmSync(REGISTROS, { recursive: true, force: true });
rmSync(CONTRATO, { recursive: true, force: true });
mkdirSync(REGISTROS, { recursive: true });

function start(nombre: string, port: number, env: NodeJS.ProcessEnv) {
  const server = run(nextBin, ["start", "--port", String(port), "--hostname", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const archivo = createWriteStream(path.join(REGISTROS, `${nombre}.log`));
  server.stdout?.pipe(archivo);
  server.stderr?.pipe(archivo);
  servers.push(server);
}

// What must never reach a log line: an email address, a phone number, the demo password.
const DATOS_PERSONALES: [string, RegExp][] = [
  ["correo", /[\w.+-]+@[\w-]+\.[\w.-]+/],
  ["teléfono", /\+\d{8,15}\b/],
  ["contraseña", /demo1234/],
];

/** Lines of the servers' logs that carry personal data (none, or the run fails). */
function datosEnRegistros(): string[] {
  const hallados: string[] = [];
  for (const archivo of readdirSync(REGISTROS)) {
    const lineas = readFileSync(path.join(REGISTROS, archivo), "utf8").split("\n");
    lineas.forEach((linea, i) => {
      for (const [que, patron] of DATOS_PERSONALES) if (patron.test(linea)) hallados.push(`${archivo}:${i + 1} (${que}): ${linea.slice(0, 200)}`);
    });
  }
  return hallados;
}

function respuestasValidadas(): number {
  try {
    return readdirSync(CONTRATO).reduce((n, f) => n + JSON.parse(readFileSync(path.join(CONTRATO, f), "utf8")).validadas, 0);
  } catch {
    return 0;
  }
}

// Without a browser, say so once and stop before building anything.
const navegador = buscarNavegador();
if (!navegador) {
  console.error(SIN_NAVEGADOR);
  process.exit(1);
}
console.log(`Navegador: ${navegador.origen}, ${navegador.ruta}`);

let code = 1;
const resend = await iniciarResendFalso();
const pusher = await iniciarPusherFalso(PUSHER_APP);
const twilio = await iniciarTwilioFalso({ ...TWILIO_CUENTA, informarAuto: true });
try {
  // One after the other: the wasm schema engine is a single instance per process.
  const integrado = await baseEnv();
  const proveedores = await baseEnv();
  const limites = await baseEnv();
  if (!process.env.E2E_SKIP_BUILD) {
    const built = await runToEnd(nextBin, ["build"], { env: integrado.env });
    if (built !== 0) throw new Error("next build falló");
  }
  // A production build without Resend: keep the mailbox readable so tests can open it.
  // Waiting-list offers held 4 s instead of 12 h, so a spec can watch one expire.
  start("integrado", integrado.port, { ...integrado.env, ...LIMITES_ALTOS, BUZON_DESARROLLO: "on", LISTA_ESPERA_OFERTA_SEGUNDOS: "4" });
  start("proveedores", proveedores.port, {
    ...proveedores.env,
    ...LIMITES_ALTOS,
    RESEND_API_KEY: "re_e2e123",
    RESEND_BASE_URL: resend.url,
    RESEND_CORREOS_POR_SEGUNDO: "20",
    PUSHER_APP_ID: PUSHER_APP.id,
    PUSHER_KEY: PUSHER_APP.key,
    PUSHER_SECRET: PUSHER_APP.secret,
    PUSHER_HOST: pusher.host,
    PUSHER_PORT: String(pusher.port),
    PUSHER_USE_TLS: "false",
    TWILIO_ACCOUNT_SID: TWILIO_CUENTA.cuenta,
    TWILIO_AUTH_TOKEN: TWILIO_CUENTA.token,
    TWILIO_FROM: "+15005550006",
    TWILIO_API_URL: twilio.url,
    TWILIO_STATUS_CALLBACK_URL: `${proveedores.url}/api/webhooks/twilio/estado/`,
    NOTIFICACIONES_ESPERA_BASE_MS: "200",
    NOTIFICACIONES_MAX_INTENTOS: "5",
    NOTIFICACIONES_SONDEO_MS: "200",
  });
  start("limites", limites.port, limites.env);
  await Promise.all([integrado, proveedores, limites].map((s) => waitForHttp(`${s.url}/login`)));
  code = await runToEnd("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)], {
    env: {
      ...integrado.env,
      CHROMIUM_PATH: navegador.ruta,
      BASE_URL: integrado.url,
      PROVEEDORES_URL: proveedores.url,
      PROVEEDORES_DATABASE_URL: proveedores.database.url,
      LIMITES_URL: limites.url,
      LIMITES_DATABASE_URL: limites.database.url,
      RESEND_FALSO_URL: resend.url,
      PUSHER_FALSO_URL: pusher.url,
      PUSHER_FALSO_KEY: PUSHER_APP.key,
      PUSHER_FALSO_SECRET: PUSHER_APP.secret,
      TWILIO_FALSO_URL: twilio.url,
      TWILIO_FALSO_TOKEN: TWILIO_CUENTA.token,
    },
  });
} catch (error) {
  console.error(error);
} finally {
  for (const server of servers) {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await exited(server);
    }
  }
  await Promise.all(databases.map((d) => d.stop()));
  await Promise.all([resend.cerrar(), pusher.cerrar(), twilio.cerrar()]);
}
console.log(`Respuestas de la API validadas contra /api/openapi.json: ${respuestasValidadas()}`);
const hallados = datosEnRegistros();
const lineas = readdirSync(REGISTROS).reduce((n, f) => n + readFileSync(path.join(REGISTROS, f), "utf8").split("\n").length, 0);
if (hallados.length) {
  console.error(`Datos personales en los registros de los servidores (${hallados.length} líneas):\n${hallados.slice(0, 20).join("\n")}`);
  code = 1;
} else console.log(`Registros de los servidores: ${lineas} líneas en ${REGISTROS}, sin correos, teléfonos ni contraseñas`);
process.exit(code);
