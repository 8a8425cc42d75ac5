// Health for operators: the public probe and the admin's view of workers and queue.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createClient } from "@/lib/db/client";
import { saludAdministrativa, saludPublica } from "@/lib/salud/salud";
import { db } from "./db";

const HORA_MS = 3_600_000;
const ultima = process.env.ULTIMA_MIGRACION;

afterEach(async () => {
  process.env.ULTIMA_MIGRACION = ultima;
  await db.$executeRaw`DELETE FROM latido_worker WHERE id LIKE 'prueba-salud%'`;
  await db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE task_id IN (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'prueba_salud')`;
});
afterAll(() => db.$disconnect());

async function nuevaMigracionAplicada(): Promise<string> {
  const [{ nombre }] = await db.$queryRaw<{ nombre: string }[]>`SELECT migration_name AS nombre FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
  return nombre;
}

describe("salud pública", () => {
  it("ok con la base al día; degradado si falta la migración del build o la base no responde", async () => {
    process.env.ULTIMA_MIGRACION = await nuevaMigracionAplicada();
    expect(await saludPublica(db)).toEqual({ estado: "ok" });
    process.env.ULTIMA_MIGRACION = "29991231000000_de_un_build_mas_nuevo";
    expect(await saludPublica(db)).toEqual({ estado: "degradado", base_de_datos: "ok", migraciones: "pendientes" });
    const caida = createClient("postgresql://postgres:postgres@127.0.0.1:1/nada");
    const inicio = Date.now();
    expect(await saludPublica(caida)).toEqual({ estado: "degradado", base_de_datos: "sin_conexion" });
    expect(Date.now() - inicio).toBeLessThan(5000);
    await caida.$disconnect();
  });
});

describe("salud administrativa", () => {
  // Judged an hour from now: every real worker's heartbeat of this run looks gone, only ours count.
  const luego = new Date(Date.now() + HORA_MS);

  /** A worker row beating 2 s before `luego`, whose last fetch was `busquedaMs` before it. */
  const latido = (id: string, disposicion: string, busquedaMs: number) => db.$executeRaw`
    INSERT INTO latido_worker (id, disposicion, sondeo_ms, iniciado_at, latido_at, ultima_busqueda_at)
    VALUES (${id}, ${disposicion}, 2000, ${new Date(luego.getTime() - 600_000)}, ${new Date(luego.getTime() - 2_000)}, ${new Date(luego.getTime() - busquedaMs)})`;

  async function trabajoEsperando() {
    await db.$executeRaw`SELECT graphile_worker.add_job('prueba_salud', '{}'::json, run_at => now() - interval '1 minute')`;
  }

  it("un worker vivo que no pide trabajo mientras hay trabajos esperando queda atascado", async () => {
    process.env.ULTIMA_MIGRACION = await nuevaMigracionAplicada();
    await trabajoEsperando();
    await latido("prueba-salud-1", "servidor", 60_000);
    const salud = await saludAdministrativa(db, luego);
    const propio = salud.workers.find((w) => w.id === "prueba-salud-1");
    expect(propio).toMatchObject({ vivo: true, atascado: true, segundos_sin_buscar: 60 });
    expect(salud.estado).toBe("degradado");
    expect(salud.avisos.map((a) => a.codigo)).toContain("WORKER_SIN_BUSCAR");
    expect(salud.cola?.trabajos_listos).toBeGreaterThanOrEqual(1);
  });

  it("el mismo worker buscando hace 1 s no está atascado; sin latido reciente no hay workers", async () => {
    process.env.ULTIMA_MIGRACION = await nuevaMigracionAplicada();
    await trabajoEsperando();
    await latido("prueba-salud-2", "proceso", 1_000);
    const sana = await saludAdministrativa(db, luego);
    expect(sana.workers.find((w) => w.id === "prueba-salud-2")).toMatchObject({ vivo: true, atascado: false });
    expect(sana.avisos.map((a) => a.codigo)).not.toContain("WORKER_SIN_BUSCAR");
    expect(sana.avisos.map((a) => a.codigo)).not.toContain("SIN_WORKERS");

    const masTarde = new Date(luego.getTime() + 120_000);
    const sinLatido = await saludAdministrativa(db, masTarde);
    expect(sinLatido.workers.find((w) => w.id === "prueba-salud-2")?.vivo).toBe(false);
    expect(sinLatido.avisos.map((a) => a.codigo)).toContain("SIN_WORKERS");
  });
});
