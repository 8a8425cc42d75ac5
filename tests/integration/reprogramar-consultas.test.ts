// The reschedule's SQL budget: every statement is a round trip to PostgreSQL, and under load the
// cost of a reschedule is mostly those round trips. This counts them on a real reschedule.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { TAREA_ENTREGAS } from "@/lib/notificaciones/encolar";
import { procesarEntrega, procesarEntregas } from "@/lib/notificaciones/entregar";
import { reprogramarConClave } from "@/lib/reprogramacion/reprogramar";
import { vigentes } from "@/lib/reprogramacion/vigentes";
import { databaseUrl, db } from "./db";
import { clienteConReserva } from "./escenario";

/** Statements inside the transaction, BEGIN and COMMIT not counted. */
const PRESUPUESTO_TRANSACCION = 6;
/** One delivery attempt: load it, send it (the development mailbox is a table), record the outcome. */
const PRESUPUESTO_ENTREGA = 3;
/** The client's email and SMS also store the hash of the manage link they carry, before sending. */
const presupuestoDe = (e: { canal: string; plantilla: string }) => PRESUPUESTO_ENTREGA + (e.canal !== "TIEMPO_REAL" && e.plantilla !== "reprogramacion_auditoria" ? 1 : 0);

const contado = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), log: [{ emit: "event", level: "query" }] });
const sentencias: string[] = [];
contado.$on("query", (e) => sentencias.push(e.query));
afterAll(() => contado.$disconnect());
// As in the app and the worker: the settings copy listens for changes on DATABASE_URL.
beforeAll(() => void vi.stubEnv("DATABASE_URL", databaseUrl));
afterAll(() => void vi.unstubAllEnvs());


const cuerpo = (nuevaFecha: Date) => ({ nueva_fecha: nuevaFecha.toISOString(), motivo: "Cambio de planes familiares" });
/** Until the settings copy survives a pause: the listener is up and earlier change notices are in. */
async function copiaDeConfiguracionEstable() {
  for (;;) {
    const copia = await vigentes(contado);
    await new Promise((r) => setTimeout(r, 100));
    if ((await vigentes(contado)) === copia) return;
  }
}
const enTransaccion = (lista: string[]) => lista.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(s.trim()));

describe("presupuesto de SQL de una reprogramación", () => {
  it(`escribe reserva, historial y entregas con a lo sumo ${PRESUPUESTO_TRANSACCION} sentencias dentro de la transacción`, async () => {
    const previa = await clienteConReserva();
    await reprogramarConClave(contado, previa.actor, previa.reserva.id, cuerpo(previa.nuevaFecha), null);
    const { reserva, actor, nuevaFecha } = await clienteConReserva();
    sentencias.length = 0;
    const { respuesta } = await reprogramarConClave(contado, actor, reserva.id, cuerpo(nuevaFecha), null);
    console.log(`Sentencias de una reprogramación: ${sentencias.length}\n  ${sentencias.join("\n  ")}`);
    expect(respuesta).toMatchObject({ id: reserva.id, fecha_inicio: nuevaFecha.toISOString(), numero_reprogramaciones: 1 });
    expect(enTransaccion(sentencias).length).toBeLessThanOrEqual(PRESUPUESTO_TRANSACCION);
    // Everything happened: the move, its history, the feed row and the queued deliveries.
    const historial = await db.historialReprogramacion.findFirstOrThrow({ where: { reservaId: reserva.id }, include: { entregas: true, notificacion: true } });
    expect(historial.notificacion).not.toBeNull();
    expect(historial.entregas.length).toBeGreaterThanOrEqual(2);
  });

  it(`con clave de idempotencia también cabe en ${PRESUPUESTO_TRANSACCION}`, async () => {
    const { reserva, actor, nuevaFecha } = await clienteConReserva();
    sentencias.length = 0;
    await reprogramarConClave(contado, actor, reserva.id, cuerpo(nuevaFecha), `clave-${reserva.id}`);
    console.log(`Con clave: ${sentencias.length} sentencias`);
    expect(enTransaccion(sentencias).length).toBeLessThanOrEqual(PRESUPUESTO_TRANSACCION);
  });

  it("una regla creada después de llenar la caché decide la siguiente reprogramación", async () => {
    const previa = await clienteConReserva();
    await reprogramarConClave(contado, previa.actor, previa.reserva.id, cuerpo(previa.nuevaFecha), null); // rules now cached
    const { reserva, actor, nuevaFecha } = await clienteConReserva();
    const regla = await db.reglaReprogramacion.create({
      data: { nombre: "Cierre temporal (prueba)", tipoRegla: "DIA_BLACKOUT", valorTexto: "LUNES,MARTES,MIERCOLES,JUEVES,VIERNES", prioridad: 1, mensajeError: "Agencia cerrada por inventario" },
    });
    try {
      await expect(reprogramarConClave(contado, actor, reserva.id, cuerpo(nuevaFecha), null)).rejects.toMatchObject({ status: 400, errorCode: "DIA_BLACKOUT" });
    } finally {
      await db.reglaReprogramacion.delete({ where: { id: regla.id } });
    }
    const { respuesta } = await reprogramarConClave(contado, actor, reserva.id, cuerpo(nuevaFecha), null);
    expect(respuesta).toMatchObject({ numero_reprogramaciones: 1 });
  });

  it(`cada entrega cuesta a lo sumo ${PRESUPUESTO_ENTREGA} sentencias (una más si lleva el enlace del cliente) y deja su intento y el estado del historial`, async () => {
    const { reserva, actor, nuevaFecha } = await clienteConReserva();
    await reprogramarConClave(db, actor, reserva.id, cuerpo(nuevaFecha), null);
    const { id: historialId } = await db.historialReprogramacion.findFirstOrThrow({ where: { reservaId: reserva.id } });
    const entregas = await db.entregaNotificacion.findMany({ where: { historialId }, orderBy: { id: "asc" } });
    await copiaDeConfiguracionEstable(); // the agency's contact comes from the process's settings copy
    for (const entrega of entregas) {
      sentencias.length = 0;
      expect(await procesarEntrega(contado, entrega.id)).toEqual({ estado: "ENVIADA", intento: 1 });
      expect(sentencias.length, sentencias.join("\n")).toBeLessThanOrEqual(presupuestoDe(entrega));
    }
    const historial = await db.historialReprogramacion.findUniqueOrThrow({ where: { id: historialId }, include: { entregas: { include: { intentosRegistrados: true } } } });
    expect(historial).toMatchObject({ clienteNotificado: true, emailEnviado: true, pushEnviado: true });
    expect(historial.fechaNotificacion).not.toBeNull();
    expect(historial.entregas.map((e) => [e.estado, e.intentos, e.intentosRegistrados.length])).toEqual(entregas.map(() => ["ENVIADA", 1, 1]));
  });

  it("las entregas de una reprogramación son un solo trabajo: una carga para todas y a lo sumo un registro por canal, más su envío y el enlace del cliente", async () => {
    const { reserva, actor, nuevaFecha } = await clienteConReserva();
    await reprogramarConClave(db, actor, reserva.id, cuerpo(nuevaFecha), null);
    const { id: historialId } = await db.historialReprogramacion.findFirstOrThrow({ where: { reservaId: reserva.id } });
    const entregas = await db.entregaNotificacion.findMany({ where: { historialId }, orderBy: { id: "asc" } });
    const trabajos = await db.$queryRaw<{ ids: number[] }[]>`
      SELECT array(SELECT json_array_elements_text(j.payload->'entregaIds')::int) AS ids FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = ${TAREA_ENTREGAS} AND (j.payload->'entregaIds')::jsonb @> to_jsonb(${entregas[0].id}::int)`;
    expect(trabajos.map((t) => t.ids)).toEqual([entregas.map((e) => e.id)]);
    await copiaDeConfiguracionEstable();

    sentencias.length = 0;
    const resultados = await procesarEntregas(contado, entregas.map((e) => e.id), { soloPrimeros: true });
    const enlaces = entregas.filter((e) => presupuestoDe(e) > PRESUPUESTO_ENTREGA).length;
    console.log(`${entregas.length} entregas juntas: ${sentencias.length} sentencias`);
    // Without providers each send is a statement too: the development mailbox's row, the live event's NOTIFY.
    expect(sentencias.filter((s) => s.includes('FROM "public"."entrega_notificacion"'))).toHaveLength(1);
    expect(sentencias.length, sentencias.join("\n")).toBeLessThanOrEqual(1 + 2 * entregas.length + enlaces);
    expect([...resultados.values()]).toEqual(entregas.map(() => ({ estado: "ENVIADA", intento: 1 })));
    const historial = await db.historialReprogramacion.findUniqueOrThrow({ where: { id: historialId }, include: { entregas: { include: { intentosRegistrados: true } } } });
    expect(historial).toMatchObject({ clienteNotificado: true, emailEnviado: true, pushEnviado: true });
    expect(historial.entregas.map((e) => [e.estado, e.intentos, e.intentosRegistrados.length])).toEqual(entregas.map(() => ["ENVIADA", 1, 1]));

    // The job run again (a crash after the record): nothing is attempted twice.
    sentencias.length = 0;
    expect((await procesarEntregas(contado, entregas.map((e) => e.id), { soloPrimeros: true })).size).toBe(0);
    expect(await db.intentoEntrega.count({ where: { entregaId: { in: entregas.map((e) => e.id) } } })).toBe(entregas.length);
  });

  it("entregas de reprogramaciones distintas a la vez comparten una carga", async () => {
    const historiales = [];
    for (let i = 0; i < 3; i++) {
      const { reserva, actor, nuevaFecha } = await clienteConReserva();
      await reprogramarConClave(db, actor, reserva.id, cuerpo(nuevaFecha), null);
      historiales.push(await db.historialReprogramacion.findFirstOrThrow({ where: { reservaId: reserva.id }, include: { entregas: true } }));
    }
    await copiaDeConfiguracionEstable();
    // Each reschedule's job on its own, at the same time (as the worker runs them).
    const trabajos = historiales.map((h) => h.entregas.map((e) => e.id));
    sentencias.length = 0;
    const resultados = await Promise.all(trabajos.map((ids) => procesarEntregas(contado, ids, { soloPrimeros: true })));
    const entregas = historiales.flatMap((h) => h.entregas);
    const enlaces = entregas.filter((e) => presupuestoDe(e) > PRESUPUESTO_ENTREGA).length;
    const cargas = sentencias.filter((s) => s.includes('FROM "public"."entrega_notificacion"')).length;
    const registros = sentencias.filter((s) => s.includes("INSERT INTO intento_entrega")).length;
    expect(cargas).toBe(1);
    expect(registros).toBeLessThanOrEqual(entregas.length); // outcomes that arrive together share one
    expect(sentencias.length).toBeLessThanOrEqual(1 + 2 * entregas.length + enlaces);
    expect(resultados.map((r) => [...r.values()])).toEqual(trabajos.map((ids) => ids.map(() => ({ estado: "ENVIADA", intento: 1 }))));
    for (const h of historiales) expect(await db.historialReprogramacion.findUniqueOrThrow({ where: { id: h.id } })).toMatchObject({ clienteNotificado: true, emailEnviado: true, pushEnviado: true });
  });
});
