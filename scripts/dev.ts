// npm run dev: database (DATABASE_URL or embedded), migrations, demo data, then `next dev`.
// Ctrl-C stops Next.js and the embedded PostgreSQL cleanly.
import { prepareDatabase } from "./lib/prepare";
import { exited, nextBin, run } from "./lib/processes";

const port = process.env.PORT ?? "3000";
const database = await prepareDatabase({ seed: true });
const next = run(nextBin, ["dev", "--port", port], {
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    // Development only: production must set its own secret (see README).
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "solo-para-desarrollo-cambiar-en-produccion",
    NEXT_TELEMETRY_DISABLED: "1",
    // Readable log lines in a terminal; production logs one JSON object per line.
    LOG_FORMATO: process.env.LOG_FORMATO ?? "legible",
    // Development only: audit emails land in the dev mailbox (/dev/correos) under the demo admin.
    ADMIN_EMAILS: process.env.ADMIN_EMAILS ?? "admin@demo.bo",
  },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) next.kill("SIGINT");
  await exited(next);
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
void exited(next).then((code) => stop(code));
