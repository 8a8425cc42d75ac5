import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, ruta, metodos } from "@/lib/http/api";
import { calendarioDeReserva, parsearConsultaCalendario } from "@/lib/reprogramacion/calendario-reserva";

const get = ruta<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requerirRol(["CLIENTE", "OPERADOR", "ADMIN"]);
  const id = idDeRuta((await params).id, "La reserva");
  return json(await calendarioDeReserva(prisma, actor, id, parsearConsultaCalendario(new URL(request.url).searchParams)));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
