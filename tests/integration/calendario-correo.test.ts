// Priced reschedules and the calendar files of the client's emails, through the delivery worker's
// own code into the development mailbox, parsed with ical.js: a move inside the fee window charges
// the policy's fee (total, history, email); the .ics keeps one UID per reservation and its SEQUENCE
// counts the changes (1, 2 over two reschedules; the booking is 0); a cancellation is METHOD:CANCEL
// with the same UID and a higher SEQUENCE; a transfer cancels it for the previous holder.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelarReserva, cotizacionDeCancelacion } from "@/lib/cancelacion/cancelar";
import { procesarEntrega } from "@/lib/notificaciones/entregar";
import { reprogramarReserva } from "@/lib/reprogramacion/reprogramar";
import { transferirReserva } from "@/lib/transferencia/transferir";
import { diaHabil } from "../fechas";
import { db } from "./db";
import { clienteConReserva } from "./escenario";

const HORA = 3_600_000;
let clave: string | undefined;
beforeAll(() => {
  // The development mailbox keeps what would have been sent, attachments included.
  clave = process.env.RESEND_API_KEY;
  delete process.env.RESEND_API_KEY;
});
afterAll(async () => {
  if (clave !== undefined) process.env.RESEND_API_KEY = clave;
  await db.$disconnect();
});

/** Delivers the client's email of a history entry and returns it as the mailbox stored it. */
async function correoDelCliente(historialId: number, plantilla?: string) {
  const entrega = await db.entregaNotificacion.findFirstOrThrow({ where: { historialId, canal: "EMAIL", ...(plantilla ? { plantilla } : { NOT: { plantilla: { endsWith: "_auditoria" } } }) } });
  await procesarEntrega(db, entrega.id);
  return db.correoDesarrollo.findUniqueOrThrow({ where: { entregaId: entrega.id } });
}

function evento(adjuntos: unknown) {
  const [ics] = adjuntos as { nombre: string; tipo: string; contenido: string }[];
  const calendario = new ICAL.Component(ICAL.parse(ics.contenido));
  const vevent = calendario.getFirstSubcomponent("vevent")!;
  return {
    metodo: calendario.getFirstPropertyValue("method"),
    tipo: ics.tipo,
    uid: vevent.getFirstPropertyValue("uid"),
    secuencia: Number(vevent.getFirstPropertyValue("sequence")),
    estado: vevent.getFirstPropertyValue("status"),
    tzid: vevent.getFirstProperty("dtstart")!.getParameter("tzid"),
    inicio: (vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
    zonas: calendario.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid")),
  };
}

describe("costo de cambio y archivos de calendario", () => {
  it("dentro de las 72 h se cobra la tarifa de la política; el .ics va de SEQUENCE 1 a 2 con el mismo UID; cancelar lo retira", async () => {
    const { actor, reserva, nuevaFecha } = await clienteConReserva();
    // 60 h before its start: inside the seed's «Cambio con menos de 72 horas» (Bs 50,00).
    await db.reserva.update({ where: { id: reserva.id }, data: { fechaInicio: new Date(Date.now() + 60 * HORA) } });
    const primera = await reprogramarReserva(db, actor, reserva.id, { nueva_fecha: nuevaFecha.toISOString(), motivo: "Cambio de vuelo" });
    expect(primera.reserva.total.toFixed(2)).toBe("2450.00");
    expect(primera.historial.costoAplicado.toFixed(2)).toBe("50.00");
    expect(primera.historial.reglasAplicadas).toContain("COSTO_REPROGRAMACION");
    const correo1 = await correoDelCliente(primera.historial.id);
    expect(correo1.texto).toContain("Costo de la reprogramación: Bs 50,00");
    const ics1 = evento(correo1.adjuntos);
    expect(ics1).toMatchObject({ metodo: "REQUEST", secuencia: 1, estado: "CONFIRMED", tzid: "America/La_Paz", inicio: nuevaFecha.toISOString(), zonas: ["America/La_Paz"] });
    expect(ics1.uid).toBe(`reserva-${reserva.id}@localhost`);
    expect(ics1.tipo).toBe("text/calendar; charset=utf-8; method=REQUEST");

    // Far from its new start, the second move is free.
    const segunda = await reprogramarReserva(db, actor, reserva.id, { nueva_fecha: diaHabil(97, 11).toISOString(), motivo: "Otro cambio de vuelo" });
    expect(segunda.historial.costoAplicado.toFixed(2)).toBe("0.00");
    expect(segunda.reserva.total.toFixed(2)).toBe("2450.00");
    const ics2 = evento((await correoDelCliente(segunda.historial.id)).adjuntos);
    expect([ics2.uid, ics2.secuencia, ics2.metodo]).toEqual([ics1.uid, 2, "REQUEST"]);

    const { cotizacion } = await cotizacionDeCancelacion(db, actor, reserva.id);
    const { respuesta } = await cancelarReserva(db, actor, reserva.id, { cotizacion, motivo: "Ya no viajaremos" }, null);
    const ics3 = evento((await correoDelCliente(respuesta.historial_id)).adjuntos);
    expect([ics3.uid, ics3.secuencia, ics3.metodo, ics3.estado]).toEqual([ics1.uid, 3, "CANCEL", "CANCELLED"]);
    // The agency's audit copy carries no calendar file.
    const auditoria = await db.entregaNotificacion.findMany({ where: { historialId: respuesta.historial_id, plantilla: "cancelacion_auditoria" } });
    for (const e of auditoria) {
      await procesarEntrega(db, e.id);
      expect((await db.correoDesarrollo.findUniqueOrThrow({ where: { entregaId: e.id } })).adjuntos).toEqual([]);
    }
  });

  it("una transferencia manda CANCEL al titular anterior y REQUEST al nuevo, con el mismo UID", async () => {
    const { actor, reserva } = await clienteConReserva();
    const nuevo = `nuevo-${reserva.id}@prueba.bo`;
    const { historial_id } = await transferirReserva(db, actor, reserva.id, { nombre: "Ana", apellido: "Quispe", email: nuevo, motivo: "Viaja mi hermana en mi lugar" });
    const paraNuevo = await correoDelCliente(historial_id, "transferencia");
    const paraAnterior = await correoDelCliente(historial_id, "transferencia_anterior");
    expect(paraNuevo.para).toBe(nuevo);
    expect(paraNuevo.texto).toMatch(/\/gestionar\/[A-Za-z0-9_-]{24}/);
    expect(paraAnterior.para).toBe(actor.email);
    expect(paraAnterior.texto).not.toMatch(/\/gestionar\//);
    const [a, b] = [evento(paraNuevo.adjuntos), evento(paraAnterior.adjuntos)];
    expect([a.metodo, b.metodo, a.uid === b.uid, a.secuencia, b.secuencia]).toEqual(["REQUEST", "CANCEL", true, 1, 1]);
  });
});
