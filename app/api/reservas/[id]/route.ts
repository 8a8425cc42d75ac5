import { requerirRol } from "@/lib/auth/sesion";
import { ROLES_STAFF } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, leerJson, metodos, ruta } from "@/lib/http/api";
import { reservaDelActor } from "@/lib/reprogramacion/reprogramar";
import { editarReserva } from "@/lib/reservas/editar";
import { serializarReserva } from "@/lib/reservas/serializar";

type Contexto = { params: Promise<{ id: string }> };

// GET /api/reservas/{id}/: one reservation (a client's own, or any for staff).
const get = ruta<Contexto>(async (_request, { params }) => {
  const actor = await requerirRol(["CLIENTE", "OPERADOR", "ADMIN"]);
  return json(serializarReserva(await reservaDelActor(prisma, actor, idDeRuta((await params).id, "La reserva"))));
});

// PATCH /api/reservas/{id}/: the agency's system corrects destination, money, services or its code.
const patch = ruta<Contexto>(async (request, { params }) => {
  const actor = await requerirRol(ROLES_STAFF);
  const id = idDeRuta((await params).id, "La reserva");
  return json(serializarReserva(await editarReserva(prisma, actor, id, await leerJson(request))));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get, PATCH: patch });
