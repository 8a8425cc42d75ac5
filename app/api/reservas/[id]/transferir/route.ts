import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, leerJson, metodos, ruta } from "@/lib/http/api";
import { transferirReserva } from "@/lib/transferencia/transferir";

// POST /api/reservas/{id}/transferir/ { nombre, apellido, email, celular?, motivo }: a new holder, under the TRANSFERENCIA policy.
const post = ruta<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requerirRol(["CLIENTE", "OPERADOR", "ADMIN"]);
  return json(await transferirReserva(prisma, actor, idDeRuta((await params).id, "La reserva"), await leerJson(request)));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
