import { createClient } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { developmentDatabase, throwawayDatabase, type Database } from "./database";
import { prepararCola } from "@/lib/notificaciones/cola";
import { applyMigrations } from "./schema-engine";

/** Prisma migrations, then the job queue's own schema. */
export async function migrate(url: string): Promise<string[]> {
  const applied = await applyMigrations(url);
  await prepararCola(url);
  return applied;
}

/** A migrated (and optionally seeded) database: the development one, or a throwaway one for tests. */
export async function prepareDatabase(options: { seed: boolean; throwaway?: boolean; postgresFlags?: string[] }): Promise<Database> {
  const database = options.throwaway ? await throwawayDatabase("pruebas", options.postgresFlags) : await developmentDatabase();
  try {
    const applied = await migrate(database.url);
    if (applied.length) console.log(`Migraciones aplicadas: ${applied.join(", ")}`);
    if (options.seed && process.env.NODE_ENV !== "production") {
      const db = createClient(database.url);
      await seed(db).finally(() => db.$disconnect());
    }
    return database;
  } catch (error) {
    await database.stop();
    throw error;
  }
}
