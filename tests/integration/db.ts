import { inject } from "vitest";
import { createClient } from "@/lib/db/client";

/** A Prisma client on this run's throwaway database. */
export const db = createClient(inject("databaseUrl"));
