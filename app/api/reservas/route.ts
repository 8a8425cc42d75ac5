import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { json, leerJson, ruta, metodos } from "@/lib/http/api";
import { crearReserva } from "@/lib/reservas/crear";
import { filtrosReservasSchema, listarReservas } from "@/lib/reservas/consultas";
import { serializarReserva } from "@/lib/reservas/serializar";

const get = ruta(async (request) => {
  const actor = await requerirRol(["CLIENTE", "OPERADOR", "ADMIN"]);
  const filtros = filtrosReservasSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const resultado = await listarReservas(prisma, actor, filtros);
  return json({ ...resultado, reservas: resultado.reservas.map(serializarReserva) });
});

// 201 when created; 200 when the same booking came again with its referencia_externa.
const post = ruta(async (request) => {
  const actor = await requerirRol(["OPERADOR", "ADMIN"]);
  const { reserva, creada } = await crearReserva(prisma, actor, await leerJson(request));
  return json(serializarReserva(reserva), creada ? 201 : 200);
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get, POST: post });
