import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, leerJson, ruta, metodos } from "@/lib/http/api";
import { reprogramarReserva } from "@/lib/reprogramacion/reprogramar";

const post = ruta<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requerirRol(["CLIENTE", "OPERADOR", "ADMIN"]);
  const id = idDeRuta((await params).id, "La reserva");
  const resultado = await reprogramarReserva(prisma, actor, id, await leerJson(request));
  return json(resultado.respuesta);
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
