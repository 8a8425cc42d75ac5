import { afterAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { db } from "./db";

afterAll(() => db.$disconnect());

describe("seed", () => {
  it("crea las reglas de los documentos y reservas relativas a hoy", async () => {
    const reglas = await db.reglaReprogramacion.findMany({ orderBy: { id: "asc" } });
    expect(reglas.map((r) => r.nombre)).toEqual(
      expect.arrayContaining(["Tiempo mínimo 24 horas", "Máximo 3 reprogramaciones", "Sin fines de semana", "Tiempo mínimo VIP"]),
    );
    const cliente = await db.usuario.findUniqueOrThrow({ where: { email: "cliente@demo.bo" }, include: { reservas: true } });
    const ahora = Date.now();
    const horas = cliente.reservas.map((r) => (r.fechaInicio.getTime() - ahora) / 3_600_000).sort((a, b) => a - b);
    expect(horas[0]).toBeGreaterThan(10);
    expect(horas[0]).toBeLessThanOrEqual(12);
    expect(cliente.reservas.some((r) => r.numeroReprogramaciones === 3)).toBe(true);
    expect(cliente.reservas.find((r) => r.destino === "Cusco y Machu Picchu")?.total.toFixed(2)).toBe("2400.00");
  });

  it("el historial de demostración no dice haber avisado sin entregas que lo respalden", async () => {
    const historiales = await db.historialReprogramacion.findMany({ where: { reserva: { usuario: { email: { endsWith: "@demo.bo" } } } }, include: { entregas: true } });
    expect(historiales.length).toBeGreaterThan(0);
    for (const h of historiales) {
      const alCliente = h.entregas.filter((e) => e.estado === "ENVIADA" && e.canal !== "TIEMPO_REAL" && e.destinatario !== "auditoria@agencia.bo");
      expect(h.clienteNotificado, `historial ${h.id}`).toBe(alCliente.length > 0);
      expect(h.emailEnviado, `historial ${h.id}`).toBe(alCliente.some((e) => e.canal === "EMAIL"));
      if (!h.notificarCliente) expect(h.clienteNotificado).toBe(false);
    }
  });

  it("es idempotente: correrlo otra vez no agrega filas", async () => {
    // Only demo rows: other test files add their own clients and reservations in parallel.
    const demo = { usuario: { email: { endsWith: "@demo.bo" } } };
    const contar = async () => [
      await db.usuario.count({ where: demo.usuario }),
      await db.reglaReprogramacion.count(),
      await db.reserva.count({ where: demo }),
      await db.historialReprogramacion.count({ where: { reserva: demo } }),
    ];
    const antes = await contar();
    await seed(db);
    const despues = await contar();
    expect(despues).toEqual(antes);
  });

  it("la base rechaza montos negativos y borrar historial", async () => {
    const reserva = await db.reserva.findFirstOrThrow();
    await expect(db.reserva.update({ where: { id: reserva.id }, data: { total: "-1.00" } })).rejects.toThrow();
    const historial = await db.historialReprogramacion.findFirstOrThrow();
    await expect(db.historialReprogramacion.delete({ where: { id: historial.id } })).rejects.toThrow();
    await expect(db.historialReprogramacion.update({ where: { id: historial.id }, data: { motivo: "otro" } })).rejects.toThrow();
    await db.historialReprogramacion.update({ where: { id: historial.id }, data: { emailEnviado: true } });
  });
});
