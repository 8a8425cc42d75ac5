import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type { Prisma } from "@/lib/generated/prisma/client";

// Named statements: each connection parses and plans a statement once and reuses it (for our larger
// statements PostgreSQL spent more time planning than executing). Only statements with a fixed
// shape are named: an IN list with many values is a new text for every length, and a connection
// keeps every statement it prepared.
const MAXIMO_PARAMETROS_NOMBRADOS = 64;
const nombres = new Map<string, string>();
/** The statement's name, or "" for an unnamed one (pg names a statement only when given a name). */
function nombreDeSentencia({ sql, args }: { sql: string; args: unknown[] }): string {
  if (args.length > MAXIMO_PARAMETROS_NOMBRADOS || sql.length > 16_000) return "";
  let nombre = nombres.get(sql);
  if (!nombre) {
    if (nombres.size > 5_000) nombres.clear();
    nombres.set(sql, (nombre = `s${createHash("sha1").update(sql).digest("base64url")}`));
  }
  return nombre;
}

function createClient(connectionString = process.env.DATABASE_URL) {
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_MAX ?? 10) }, { statementNameGenerator: nombreDeSentencia });
  return new PrismaClient({ adapter });
}

// One client per process, kept across hot reloads in development.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma: PrismaClient = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;

export { createClient };
export type Db = PrismaClient;
