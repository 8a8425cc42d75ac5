// npm run db:migrate: applies prisma/migrations to DATABASE_URL, or to the embedded development database.
import { developmentDatabase } from "./lib/database";
import { migrate } from "./lib/prepare";

const database = await developmentDatabase();
try {
  const applied = await migrate(database.url);
  console.log(applied.length ? `Migraciones aplicadas: ${applied.join(", ")}` : "La base de datos ya está al día.");
} finally {
  await database.stop();
}
