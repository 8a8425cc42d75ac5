import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, ruta } from "@/lib/http/api";
import { historialDeReserva } from "@/lib/reprogramacion/historial";

export const GET = ruta<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await requerirRol(["CLIENTE", "OPERADOR", "ADMIN"]);
  const id = idDeRuta((await params).id, "La reserva");
  return json(await historialDeReserva(prisma, actor, id));
});
