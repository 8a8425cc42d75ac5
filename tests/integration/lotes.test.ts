// Bulk moves run in batches (several reservations per transaction, each day locked once): each
// reservation is still its own whole reschedule, a full day refuses the rest, a database error in
// one reservation leaves the others of its batch moved, and running the job again moves nothing twice.
import { afterAll, describe, expect, it } from "vitest";
import { actorDeUsuario } from "@/lib/auth/credenciales";
import { iniciarWorker } from "@/lib/notificaciones/worker";
import { crearLote, MAXIMO_POR_LOTE, procesarLote } from "@/lib/reprogramacion/lotes";
import { diaHabil, diaLocal } from "../fechas";
import { databaseUrl, db } from "./db";

const DIA_DESTINO = diaLocal(diaHabil(520));
const DIA_FALLO = diaLocal(diaHabil(523));
const DIA_WORKER = diaLocal(diaHabil(526));
const capacidad = (dia: string, capacidadMaxima: number) => {
  const fecha = new Date(`${dia}T00:00:00Z`);
  return db.capacidadFecha.upsert({ where: { fecha }, create: { fecha, capacidadMaxima }, update: { capacidadMaxima } });
};
const DESTINO_FALLIDO = "Destino que falla (prueba)";

afterAll(async () => {
  await db.$executeRawUnsafe("DROP TRIGGER IF EXISTS falla_en_prueba ON reserva");
  await db.$executeRawUnsafe("DROP FUNCTION IF EXISTS falla_en_prueba()");
  await db.capacidadFecha.deleteMany({ where: { fecha: { in: [DIA_DESTINO, DIA_FALLO, DIA_WORKER].map((d) => new Date(`${d}T00:00:00Z`)) } } });
});

async function reservas(n: number, destino = "Salar de Uyuni") {
  const sufijo = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const usuarios = await db.usuario.createManyAndReturn({
    data: Array.from({ length: n }, (_, i) => ({ email: `lote-${sufijo}-${i}@prueba.bo`, passwordHash: "-", nombre: "Ana", apellido: "Quispe", rol: "CLIENTE" as const, nivel: "BRONZE" as const })),
  });
  // Spread over other days, at different local times (each keeps its own on the target day).
  return db.reserva.createManyAndReturn({
    data: usuarios.map((u, i) => ({ usuarioId: u.id, destino, fechaInicio: diaHabil(440 + (i % 40), 8 + (i % 9), (i % 4) * 15), total: "900.00" })),
  });
}

describe("reprogramación masiva por tandas", () => {
  it(`acepta hasta ${MAXIMO_POR_LOTE} reservas y rechaza una más`, async () => {
    const admin = actorDeUsuario(await db.usuario.findUniqueOrThrow({ where: { email: "admin@demo.bo" } }));
    const pedido = (n: number) => ({ reserva_ids: Array.from({ length: n }, (_, i) => i + 1), dia: DIA_DESTINO, solicitud: { motivo: "Salida cancelada" } });
    await expect(crearLote(db, admin, pedido(MAXIMO_POR_LOTE + 1))).rejects.toMatchObject({ status: 400 });
    expect(MAXIMO_POR_LOTE).toBe(2000);
  });

  it("120 reservas en tandas de 50 a un día con 100 lugares: 100 movidas con su historial y entregas, 20 sin lugar; otra vez no cambia nada", async () => {
    const admin = actorDeUsuario(await db.usuario.findUniqueOrThrow({ where: { email: "admin@demo.bo" } }));
    const filas = await reservas(120);
    await capacidad(DIA_DESTINO, 100);
    const { id } = await crearLote(db, admin, { reserva_ids: filas.map((r) => r.id), dia: DIA_DESTINO, solicitud: { motivo: "Salida cancelada" } });
    await procesarLote(db, id);

    const lote = await db.loteReprogramacion.findUniqueOrThrow({ where: { id }, include: { items: { orderBy: { orden: "asc" } } } });
    expect(lote).toMatchObject({ estado: "TERMINADO", procesadas: 120, movidas: 100 });
    expect(lote.items.slice(0, 100).every((i) => i.estado === "MOVIDA" && i.historialId !== null)).toBe(true);
    expect(lote.items.slice(100).map((i) => [i.estado, i.errorCode])).toEqual(Array.from({ length: 20 }, () => ["RECHAZADA", "FECHA_NO_DISPONIBLE"]));
    // Each moved one kept its local time on the target day; each has one history row and one job for its deliveries.
    const movidas = await db.reserva.findMany({ where: { id: { in: filas.map((r) => r.id) }, estado: "REPROGRAMADA" }, orderBy: { id: "asc" } });
    expect(movidas).toHaveLength(100);
    for (const r of movidas) {
      const original = filas.find((f) => f.id === r.id)!;
      expect(diaLocal(r.fechaInicio)).toBe(DIA_DESTINO);
      expect(r.fechaInicio.getUTCHours() * 60 + r.fechaInicio.getUTCMinutes()).toBe(original.fechaInicio.getUTCHours() * 60 + original.fechaInicio.getUTCMinutes());
    }
    const historial = await db.historialReprogramacion.groupBy({ by: ["reservaId"], where: { reservaId: { in: filas.map((r) => r.id) } }, _count: true });
    expect(historial).toHaveLength(100);
    expect(historial.every((h) => h._count === 1)).toBe(true);
    // One delivery job per batch that moved something (50 + 50; the last 20 moved none), in the run's own queue, holding all its deliveries.
    const entregas = await db.entregaNotificacion.findMany({ where: { historial: { reservaId: { in: filas.map((r) => r.id) } } }, select: { id: true } });
    expect(entregas.length).toBeGreaterThanOrEqual(200);
    const trabajos = await db.$queryRaw<{ ids: number[] }[]>`
      SELECT array(SELECT json_array_elements_text(j.payload->'entregaIds')::int) AS ids FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_job_queues q ON q.id = j.job_queue_id WHERE q.queue_name = ${`lote-${id}`} AND j.payload->>'entregaIds' IS NOT NULL ORDER BY j.id`;
    expect(trabajos).toHaveLength(2);
    expect(trabajos.flatMap((t) => t.ids).sort((a, b) => a - b)).toEqual(entregas.map((e) => e.id).sort((a, b) => a - b));

    // The job again (graphile retried it after a crash): the run is done, nothing moves twice.
    await db.loteReprogramacion.update({ where: { id }, data: { estado: "EN_CURSO" } });
    await procesarLote(db, id);
    expect(await db.historialReprogramacion.count({ where: { reservaId: { in: filas.map((r) => r.id) } } })).toBe(100);
    expect(await db.loteReprogramacion.findUniqueOrThrow({ where: { id } })).toMatchObject({ procesadas: 120, movidas: 100 });
  });

  it("un error de base de datos en una reserva deja esa sola sin mover (ERROR_INTERNO); las demás de su tanda se mueven", async () => {
    const admin = actorDeUsuario(await db.usuario.findUniqueOrThrow({ where: { email: "admin@demo.bo" } }));
    const buenas = await reservas(30);
    const [mala] = await reservas(1, DESTINO_FALLIDO);
    await db.$executeRawUnsafe(`CREATE FUNCTION falla_en_prueba() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.destino = '${DESTINO_FALLIDO}' THEN RAISE EXCEPTION 'fallo de prueba'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe("CREATE TRIGGER falla_en_prueba BEFORE UPDATE ON reserva FOR EACH ROW EXECUTE FUNCTION falla_en_prueba()");
    const ids = [...buenas.slice(0, 15).map((r) => r.id), mala.id, ...buenas.slice(15).map((r) => r.id)];
    await capacidad(DIA_FALLO, 100);
    const { id } = await crearLote(db, admin, { reserva_ids: ids, dia: DIA_FALLO, solicitud: { motivo: "Salida cancelada" } });
    await procesarLote(db, id);

    const lote = await db.loteReprogramacion.findUniqueOrThrow({ where: { id }, include: { items: { orderBy: { orden: "asc" } } } });
    expect(lote.items.filter((i) => i.estado !== "MOVIDA").map((i) => [i.reservaId, i.errorCode, i.detalle])).toEqual([[mala.id, "ERROR_INTERNO", expect.any(String)]]);
    expect(lote).toMatchObject({ estado: "TERMINADO", procesadas: 31, movidas: 30 });
    expect(lote.items[15]).toMatchObject({ reservaId: mala.id, estado: "RECHAZADA", errorCode: "ERROR_INTERNO", historialId: null });
    expect(await db.reserva.findUniqueOrThrow({ where: { id: mala.id } })).toMatchObject({ estado: "CONFIRMADA", fechaInicio: mala.fechaInicio });
    expect(await db.historialReprogramacion.count({ where: { reservaId: { in: ids } } })).toBe(30);
  });

  it("con el worker: 80 reservas en tandas de 50 se mueven y después salen todos sus avisos, una vez cada uno", async () => {
    const admin = actorDeUsuario(await db.usuario.findUniqueOrThrow({ where: { email: "admin@demo.bo" } }));
    const filas = await reservas(80);
    await capacidad(DIA_WORKER, 100);
    const sondeo = process.env.NOTIFICACIONES_SONDEO_MS;
    process.env.NOTIFICACIONES_SONDEO_MS = "100";
    const worker = await iniciarWorker({ db, connectionString: databaseUrl });
    try {
      const { id } = await crearLote(db, admin, { reserva_ids: filas.map((r) => r.id), dia: DIA_WORKER, solicitud: { motivo: "Salida cancelada" } });
      const ids = filas.map((r) => r.id);
      let entregas: { estado: string; intentos: number; enviadaAt: Date | null }[] = [];
      for (const fin = Date.now() + 60_000; Date.now() < fin; await new Promise((r) => setTimeout(r, 200))) {
        entregas = await db.entregaNotificacion.findMany({ where: { historial: { reservaId: { in: ids } } }, select: { estado: true, intentos: true, enviadaAt: true } });
        if (entregas.length >= 160 && entregas.every((e) => e.estado === "ENVIADA")) break;
      }
      const lote = await db.loteReprogramacion.findUniqueOrThrow({ where: { id } });
      expect(lote).toMatchObject({ estado: "TERMINADO", movidas: 80 });
      expect(entregas.length).toBeGreaterThanOrEqual(160); // client email and live event per reservation (plus any admin copies)
      expect(entregas.every((e) => e.estado === "ENVIADA" && e.intentos === 1)).toBe(true);
      // The run is first in its queue: its notices left after the last batch was done.
      const primera = Math.min(...entregas.map((e) => e.enviadaAt!.getTime()));
      expect(primera).toBeGreaterThanOrEqual(lote.terminadoAt!.getTime());
    } finally {
      await worker.stop();
      if (sondeo === undefined) delete process.env.NOTIFICACIONES_SONDEO_MS;
      else process.env.NOTIFICACIONES_SONDEO_MS = sondeo;
    }
  }, 90_000);
});
