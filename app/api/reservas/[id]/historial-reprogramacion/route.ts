import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, ruta, metodos } from "@/lib/http/api";
import { historialDeReserva } from "@/lib/reprogramacion/historial";

const get = ruta<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await requerirRol(["CLIENTE", "OPERADOR", "ADMIN"]);
  const id = idDeRuta((await params).id, "La reserva");
  return json(await historialDeReserva(prisma, actor, id));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
