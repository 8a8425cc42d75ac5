// npm run db:seed: demo data, idempotent. Refuses to run in production.
import { createClient } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { developmentDatabase } from "./lib/database";

if (process.env.NODE_ENV === "production") {
  console.error("db:seed no se ejecuta en producción (NODE_ENV=production).");
  process.exit(1);
}
const database = await developmentDatabase();
const db = createClient(database.url);
try {
  await seed(db);
  // Logs end up in shared places: name the accounts, never their password (it is in the README).
  console.log("Datos de demostración listos: cliente@demo.bo, vip@demo.bo, operador@demo.bo, admin@demo.bo.");
} finally {
  await db.$disconnect();
  await database.stop();
}
