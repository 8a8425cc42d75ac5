// Set-up for notification tests: a fresh client of their own (so parallel files never share rows)
// and a reservation on a weekday far enough ahead for every rule.
import { randomUUID } from "node:crypto";
import { actorDeUsuario, type Actor } from "@/lib/auth/credenciales";
import { diaHabil } from "../fechas";
import { db } from "./db";

let siguienteDia = 40;

export async function clienteConReserva(opciones: { nombre?: string; email?: string; telefono?: string; smsActivo?: boolean } = {}) {
  const email = opciones.email ?? `cliente-${randomUUID().slice(0, 8)}@prueba.bo`;
  const usuario = await db.usuario.create({
    data: { email, passwordHash: "-", nombre: opciones.nombre ?? "Lucía", apellido: "Condori", rol: "CLIENTE", nivel: "BRONZE", telefono: opciones.telefono ?? null, smsActivo: opciones.smsActivo ?? true },
  });
  const dia = (siguienteDia += 3);
  const reserva = await db.reserva.create({
    data: {
      usuarioId: usuario.id,
      destino: "Lago Titicaca",
      fechaInicio: diaHabil(dia),
      total: "2400.00",
      servicios: { create: [{ tipo: "TOUR", descripcion: "Tour Isla del Sol", precio: "1800.00" }, { tipo: "HOTEL", descripcion: "Hotel en Copacabana", precio: "600.00" }] },
    },
  });
  return { usuario, reserva, actor: actorDeUsuario(usuario), nuevaFecha: diaHabil(dia + 1, 15, 30) };
}

export async function actorDemo(email: string): Promise<Actor> {
  return actorDeUsuario(await db.usuario.findUniqueOrThrow({ where: { email } }));
}

/** Polls until every delivery of this reschedule has finished (sent or dead-lettered). */
export async function esperarEntregas(historialId: number, limiteMs = 15_000) {
  const hasta = Date.now() + limiteMs;
  for (;;) {
    const entregas = await db.entregaNotificacion.findMany({
      where: { historialId },
      include: { intentosRegistrados: { orderBy: { numero: "asc" } } },
      orderBy: { id: "asc" },
    });
    if (entregas.length && entregas.every((e) => e.estado === "ENVIADA" || e.estado === "FALLIDA")) return entregas;
    if (Date.now() > hasta) throw new Error(`Entregas sin terminar: ${entregas.map((e) => `${e.id}:${e.estado}`).join(", ")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
