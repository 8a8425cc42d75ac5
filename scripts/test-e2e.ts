// End-to-end tests: a production build (`next build`, `next start`) driven by Playwright in Debian's
// Chromium. Two servers from the same build, each on its own throwaway, migrated and seeded database:
// - "integrado": no Resend, no Pusher — dev mailbox and the built-in SSE feed (most specs);
// - "proveedores": the real Resend and Pusher SDKs pointed at local stand-ins started here.
// Exit code: Playwright's.
import type { ChildProcess } from "node:child_process";
import { iniciarPusherFalso } from "@/tests/fakes/pusher";
import { iniciarResendFalso } from "@/tests/fakes/resend";
import { freePort, type Database } from "./lib/database";
import { prepareDatabase } from "./lib/prepare";
import { exited, nextBin, run, runToEnd, waitForHttp } from "./lib/processes";

const PUSHER_APP = { id: "e2e-app", key: "e2e-clave", secret: "e2e-secreto" };

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

function start(port: number, env: NodeJS.ProcessEnv) {
  const server = run(nextBin, ["start", "--port", String(port), "--hostname", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
  servers.push(server);
}

let code = 1;
const resend = await iniciarResendFalso();
const pusher = await iniciarPusherFalso(PUSHER_APP);
try {
  // One after the other: the wasm schema engine is a single instance per process.
  const integrado = await baseEnv();
  const proveedores = await baseEnv();
  if (!process.env.E2E_SKIP_BUILD) {
    const built = await runToEnd(nextBin, ["build"], { env: integrado.env });
    if (built !== 0) throw new Error("next build falló");
  }
  // A production build without Resend: keep the mailbox readable so tests can open it.
  start(integrado.port, { ...integrado.env, BUZON_DESARROLLO: "on" });
  start(proveedores.port, {
    ...proveedores.env,
    RESEND_API_KEY: "re_e2e123",
    RESEND_BASE_URL: resend.url,
    RESEND_CORREOS_POR_SEGUNDO: "20",
    PUSHER_APP_ID: PUSHER_APP.id,
    PUSHER_KEY: PUSHER_APP.key,
    PUSHER_SECRET: PUSHER_APP.secret,
    PUSHER_HOST: pusher.host,
    PUSHER_PORT: String(pusher.port),
    PUSHER_USE_TLS: "false",
    NOTIFICACIONES_ESPERA_BASE_MS: "200",
    NOTIFICACIONES_SONDEO_MS: "200",
  });
  await Promise.all([waitForHttp(`${integrado.url}/login`), waitForHttp(`${proveedores.url}/login`)]);
  code = await runToEnd("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)], {
    env: {
      ...integrado.env,
      BASE_URL: integrado.url,
      PROVEEDORES_URL: proveedores.url,
      PROVEEDORES_DATABASE_URL: proveedores.database.url,
      RESEND_FALSO_URL: resend.url,
      PUSHER_FALSO_URL: pusher.url,
      PUSHER_FALSO_KEY: PUSHER_APP.key,
      PUSHER_FALSO_SECRET: PUSHER_APP.secret,
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
  await Promise.all([resend.cerrar(), pusher.cerrar()]);
}
process.exit(code);
