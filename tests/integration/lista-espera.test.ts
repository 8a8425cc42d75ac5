// Housekeeping of the waiting lists: waits for a day that has ended are closed, so they no longer show
// as a place in line; waits for today or later, and open offers, are left alone.
import { afterAll, describe, expect, it } from "vitest";
import { cerrarEsperasPasadas } from "@/lib/lista-espera/ofertas";
import { db } from "./db";
import { clienteConReserva } from "./escenario";

afterAll(() => db.$disconnect());

async function espera(dia: string, estado: "ESPERANDO" | "OFERTADA" = "ESPERANDO") {
  const { reserva, usuario } = await clienteConReserva();
  // A La Paz day (UTC−4, no daylight saving): 04:00 UTC to 04:00 UTC the next day.
  const desde = new Date(`${dia}T04:00:00Z`);
  return db.entradaListaEspera.create({
    data: { reservaId: reserva.id, dia: new Date(`${dia}T00:00:00Z`), desde, hasta: new Date(desde.getTime() + 86_400_000), estado, creadoPorId: usuario.id },
  });
}

describe("lista de espera: días pasados", () => {
  it("cierra como VENCIDA la espera de un día terminado y deja la de hoy, la de mañana y las ofertas abiertas", async () => {
    const ayer = await espera("2029-01-14");
    const hoy = await espera("2029-01-15");
    const manana = await espera("2029-01-16");
    const ofertaDeAyer = await espera("2029-01-14", "OFERTADA");
    // 15 Jan 2029, 00:30 in La Paz: the 14th has just ended. (Years before any other test's waits, which
    // this "now" leaves alone.)
    const ahora = new Date("2029-01-15T04:30:00Z");

    expect(await cerrarEsperasPasadas(db, ahora)).toBe(1);
    const estados = await db.entradaListaEspera.findMany({ where: { id: { in: [ayer.id, hoy.id, manana.id, ofertaDeAyer.id] } }, orderBy: { id: "asc" } });
    expect(estados.map((e) => [e.estado, e.cerradaAt?.toISOString() ?? null])).toEqual([
      ["VENCIDA", ahora.toISOString()],
      ["ESPERANDO", null],
      ["ESPERANDO", null],
      // Its own deadline job closes an offer, which then passes the place on.
      ["OFERTADA", null],
    ]);
    // Already closed: a second sweep changes nothing.
    expect(await cerrarEsperasPasadas(db, ahora)).toBe(0);
  });
});
