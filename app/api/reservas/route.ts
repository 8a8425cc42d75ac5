import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { json, ruta } from "@/lib/http/api";
import { filtrosReservasSchema, listarReservas } from "@/lib/reservas/consultas";
import { serializarReserva } from "@/lib/reservas/serializar";

export const GET = ruta(async (request) => {
  const actor = await requerirRol(["CLIENTE", "OPERADOR", "ADMIN"]);
  const filtros = filtrosReservasSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const resultado = await listarReservas(prisma, actor, filtros);
  return json({ ...resultado, reservas: resultado.reservas.map(serializarReserva) });
});
