// End-to-end tests: a production build (`next build`, `next start`) on a throwaway, migrated and
// seeded PostgreSQL, driven by Playwright in Debian's Chromium. Exit code: Playwright's.
import { freePort } from "./lib/database";
import { prepareDatabase } from "./lib/prepare";
import { exited, nextBin, run, runToEnd, waitForHttp } from "./lib/processes";

const database = await prepareDatabase({ seed: true, throwaway: true });
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  NEXTAUTH_URL: baseUrl,
  NEXTAUTH_SECRET: "secreto-de-pruebas-e2e",
  NEXT_TELEMETRY_DISABLED: "1",
  BASE_URL: baseUrl,
  ADMIN_EMAILS: "auditoria@agencia.bo",
  // A production build without Resend: keep the mailbox readable so tests can open it.
  BUZON_DESARROLLO: "on",
};

let code = 1;
const server = { current: null as ReturnType<typeof run> | null };
try {
  if (!process.env.E2E_SKIP_BUILD) {
    const built = await runToEnd(nextBin, ["build"], { env });
    if (built !== 0) throw new Error("next build falló");
  }
  server.current = run(nextBin, ["start", "--port", String(port), "--hostname", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
  await waitForHttp(`${baseUrl}/login`);
  code = await runToEnd("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)], { env });
} catch (error) {
  console.error(error);
} finally {
  if (server.current && server.current.exitCode === null) {
    server.current.kill("SIGTERM");
    await exited(server.current);
  }
  await database.stop();
}
process.exit(code);
