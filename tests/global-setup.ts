// One throwaway PostgreSQL for the whole Vitest run: fresh cluster, migrated and seeded, then deleted.
import type { TestProject } from "vitest/node";
import { prepareDatabase } from "@/scripts/lib/prepare";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await prepareDatabase({ seed: true, throwaway: true });
  project.provide("databaseUrl", database.url);
  return () => database.stop();
}
