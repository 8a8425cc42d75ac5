import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { calendarioDeReserva } from "@/lib/reprogramacion/calendario-reserva";
import { databaseUrl, db } from "./db";
import { clienteConReserva } from "./escenario";

describe("calendario de una reserva", () => {
  it("evalúa 60 días con un número fijo de consultas (no 60 × N)", async () => {
    const { reserva, actor } = await clienteConReserva();
    const contado = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), log: [{ emit: "event", level: "query" }] });
    const consultas: string[] = [];
    contado.$on("query", (e) => consultas.push(e.query));
    try {
      await calendarioDeReserva(contado, actor, reserva.id, { desde: "2027-01-04", hasta: "2027-01-10" });
      const corto = consultas.length;
      consultas.length = 0;
      const calendario = await calendarioDeReserva(contado, actor, reserva.id, { desde: "2027-01-04", hasta: "2027-03-04" });
      expect(calendario.dias).toHaveLength(60);
      console.log(`Consultas: ${corto} para 7 días, ${consultas.length} para 60 días`);
      expect(consultas.length).toBeLessThanOrEqual(8);
      expect(consultas.length).toBe(corto);
    } finally {
      await contado.$disconnect();
    }
  });

  it("rechaza rangos al revés o de más de 92 días, y la reserva de otro cliente es 404", async () => {
    const { reserva, actor } = await clienteConReserva();
    const otro = await clienteConReserva();
    await expect(calendarioDeReserva(db, actor, reserva.id, { desde: "2027-01-10", hasta: "2027-01-04" })).rejects.toMatchObject({ status: 400, errorCode: "RANGO_INVALIDO" });
    await expect(calendarioDeReserva(db, actor, reserva.id, { desde: "2027-01-01", hasta: "2027-04-03" })).rejects.toMatchObject({ status: 400, errorCode: "RANGO_DEMASIADO_AMPLIO" });
    await expect(calendarioDeReserva(db, otro.actor, reserva.id)).rejects.toMatchObject({ status: 404 });
  });
});
