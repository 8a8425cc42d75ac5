import { inject } from "vitest";
import { createClient } from "@/lib/db/client";

export const databaseUrl = inject("databaseUrl");
/** A Prisma client on this run's throwaway database. */
export const db = createClient(databaseUrl);
