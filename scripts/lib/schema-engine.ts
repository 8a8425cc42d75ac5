// Prisma's WebAssembly schema engine, driven offline (the CLI's native engine cannot be downloaded
// here). Applies prisma/migrations exactly like `prisma migrate deploy` (same _prisma_migrations
// table) and writes new migrations by diffing schema text against schema text.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
/** Each migration folder keeps the schema it produced, the base for diffing the next one. */
export const SCHEMA_SNAPSHOT = "schema.prisma";
const NO_FILTER = { externalTables: [], externalEnums: [] };

// The wasm-bindgen glue keeps views of the wasm memory in module-level caches, so a second
// instance in the same process would read stale memory: instantiate once and reuse it.
let engineModule: Promise<typeof import("@prisma/schema-engine-wasm")> | null = null;
const loadEngineModule = () => (engineModule ??= instantiateEngineModule());

async function instantiateEngineModule() {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bindings = await import(path.join(dir, "schema_engine_bg.js"));
  const wasmModule = new WebAssembly.Module(readFileSync(path.join(dir, "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bindings as typeof import("@prisma/schema-engine-wasm");
}

/**
 * adapter-pg runs a migration script by splitting it at every ";" (breaking PL/pgSQL bodies and
 * string literals) and one piece at a time. Send the whole script as one simple query instead, as
 * the native engine does: PostgreSQL then runs it as one implicit transaction, all or nothing.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  }
}

async function startEngine(databaseUrl: string): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const factory = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg({ connectionString: databaseUrl }));
  return SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, factory);
}

export function migrationFolders(): string[] {
  if (!existsSync(MIGRATIONS_DIR)) return [];
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const engine = await startEngine(databaseUrl);
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  try {
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir: MIGRATIONS_DIR,
        lockfile: {
          path: "migration_lock.toml",
          content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
        },
        shadowDbInitScript: "",
        migrationDirectories: migrationFolders().map((name) => ({
          path: name,
          migrationFile: {
            path: "migration.sql",
            content: { tag: "ok", value: readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
          },
        })),
      },
      filters: NO_FILTER,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** SQL that turns the database described by `from` (null: empty) into the one described by `to`. */
export async function diffSchemas(databaseUrl: string, from: string | null, to: string): Promise<string> {
  const engine = await startEngine(databaseUrl);
  try {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: to }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
