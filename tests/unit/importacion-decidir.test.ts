// What a row does to the reservation with its referencia, decided without a database: create,
// update with each changed field, unchanged, and the conflict when the product rescheduled it;
// then the warnings in file order (horizon, past start, the day a row pushes over its capacity).
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FilaImportada } from "@/lib/importacion/csv";
import { advertenciasDeFilas, decidirFila } from "@/lib/importacion/decidir";
import type { ReservaCompleta } from "@/lib/reservas/serializar";

const ZONA = "America/La_Paz";
const fila = (extra: Partial<FilaImportada> = {}): FilaImportada => ({
  linea: 2,
  referencia: "AG-1",
  cliente: { email: "ana@correo.bo", nombre: "Ana", apellido: "Quispe", celular: null },
  destino: "Uyuni",
  // 23:30 in La Paz is already the next day in UTC: the local day is what counts.
  fechaInicio: new Date("2027-03-16T03:30:00Z"),
  total: "2400.00",
  moneda: "BOB",
  servicios: [{ tipo: "TOUR", descripcion: "Tour", precio: "2400.00" }],
  estado: "CONFIRMADA",
  ...extra,
});
const reserva = (extra: Partial<ReservaCompleta> = {}) =>
  ({
    id: 7,
    destino: "Uyuni",
    fechaInicio: new Date("2027-03-16T03:30:00Z"),
    fechaOriginal: null,
    estado: "CONFIRMADA",
    total: new Prisma.Decimal("2400"),
    moneda: "BOB",
    referenciaExterna: "AG-1",
    usuario: { email: "Ana@Correo.bo" },
    servicios: [{ tipo: "TOUR", descripcion: "Tour", precio: new Prisma.Decimal("2400") }],
    ...extra,
  }) as unknown as ReservaCompleta;

describe("decidirFila", () => {
  it("sin reserva con esa referencia: crear, sumando al día local de la agencia", () => {
    expect(decidirFila(fila(), null, ZONA)).toEqual({ resultado: "crear", cambios: {}, conflicto: null, suma: "2027-03-15", resta: null });
    expect(decidirFila(fila({ estado: "CANCELADA" }), null, ZONA).suma).toBeNull();
  });

  it("los mismos datos (correo en otras mayúsculas, 2400 = 2400.00, REPROGRAMADA = CONFIRMADA): sin cambios", () => {
    expect(decidirFila(fila(), reserva(), ZONA)).toEqual({ resultado: "sin_cambios", cambios: {}, conflicto: null, suma: null, resta: null });
    expect(decidirFila(fila(), reserva({ estado: "REPROGRAMADA" }), ZONA).resultado).toBe("sin_cambios");
  });

  it("cada campo cambiado se nombra con antes y después", () => {
    const d = decidirFila(fila({ total: "2600.50", destino: "Sucre", cliente: { email: "luis@correo.bo", nombre: "Luis", apellido: "M", celular: null }, estado: "CANCELADA" }), reserva(), ZONA);
    expect(d).toEqual({
      resultado: "actualizar",
      cambios: {
        destino: { antes: "Uyuni", despues: "Sucre" },
        total: { antes: "2400.00", despues: "2600.50" },
        titular: { antes: "Ana@Correo.bo", despues: "luis@correo.bo" },
        estado: { antes: "CONFIRMADA", despues: "CANCELADA" },
      },
      conflicto: null,
      suma: null,
      resta: "2027-03-15",
    });
  });

  it("una fecha nueva en una reserva nunca reprogramada la sigue y mueve el lugar de día", () => {
    const d = decidirFila(fila({ fechaInicio: new Date("2027-03-20T12:00:00Z") }), reserva(), ZONA);
    expect(d).toMatchObject({ resultado: "actualizar", cambios: { fecha_inicio: { antes: "2027-03-16T03:30:00.000Z", despues: "2027-03-20T12:00:00.000Z" } }, suma: "2027-03-20", resta: "2027-03-15" });
  });

  it("reprogramada en el producto y con otra fecha en el archivo: conflicto, la fecha queda; los demás cambios se aplican", () => {
    const movida = reserva({ fechaInicio: new Date("2027-04-01T14:00:00Z"), fechaOriginal: new Date("2027-03-16T03:30:00Z"), estado: "REPROGRAMADA" });
    const d = decidirFila(fila({ total: "2500.00" }), movida, ZONA);
    expect(d.resultado).toBe("conflicto");
    expect(d.cambios).toEqual({ total: { antes: "2400.00", despues: "2500.00" } });
    expect(d.conflicto).toBe("La reserva #7 se reprogramó en el producto al jueves, 1 de abril de 2027, 10:00 (hora de America/La_Paz); se mantiene esa fecha y no la del archivo: el historial del producto manda.");
    expect([d.suma, d.resta]).toEqual([null, null]);
    // The file already says the product's date: nothing to report.
    expect(decidirFila(fila({ fechaInicio: movida.fechaInicio }), movida, ZONA).resultado).toBe("sin_cambios");
  });
});

describe("advertenciasDeFilas", () => {
  const ahora = new Date("2027-01-01T12:00:00Z");
  const limite = new Date("2027-06-01T00:00:00Z");
  const ocupacion = { capacidadPorDefecto: 3, capacidades: new Map([["2027-03-15", 2]]), ocupadas: new Map([["2027-03-15", 1]]) };
  const conDecision = (f: FilaImportada) => ({ fila: f, decision: decidirFila(f, null, ZONA) });

  it("la fila que pasa el día de su capacidad, y las siguientes de ese día, avisan; la anterior no", () => {
    const avisos = advertenciasDeFilas([conDecision(fila()), conDecision(fila({ linea: 3 })), conDecision(fila({ linea: 4 }))], ocupacion, limite, ahora, 150);
    expect(avisos).toEqual([
      [],
      ["El 2027-03-15 queda con 3 reservas para 2 lugares: se importa igual, y ese día no admite reprogramaciones hacia él."],
      ["El 2027-03-15 queda con 4 reservas para 2 lugares: se importa igual, y ese día no admite reprogramaciones hacia él."],
    ]);
  });

  it("un lugar que una fila libera cuenta para las que vienen después", () => {
    const libera = { fila: fila({ linea: 3, estado: "CANCELADA" }), decision: decidirFila(fila({ estado: "CANCELADA" }), reserva(), ZONA) };
    const avisos = advertenciasDeFilas([libera, ...[4, 5, 6].map((linea) => conDecision(fila({ linea })))], ocupacion, limite, ahora, 150);
    expect(avisos.map((a) => a.length)).toEqual([0, 0, 0, 1]);
  });

  it("más allá del horizonte y fecha ya pasada avisan; una cancelada no suma ni avisa", () => {
    const lejos = fila({ fechaInicio: new Date("2027-07-01T12:00:00Z") });
    const pasada = fila({ fechaInicio: new Date("2026-12-20T12:00:00Z") });
    const cancelada = fila({ fechaInicio: new Date("2027-07-01T12:00:00Z"), estado: "CANCELADA" });
    // History: a completed trip on a past day already full says nothing about that day.
    const completada = fila({ fechaInicio: new Date("2026-12-20T12:00:00Z"), estado: "COMPLETADA" });
    const llena = { ...ocupacion, ocupadas: new Map([["2026-12-20", 9]]) };
    expect(advertenciasDeFilas([conDecision(lejos), conDecision(pasada), conDecision(cancelada), conDecision(completada)], llena, limite, ahora, 150)).toEqual([
      ["La fecha está más allá del horizonte de 150 días de la agencia."],
      ["La fecha de inicio ya pasó."],
      [],
      [],
    ]);
  });
});
