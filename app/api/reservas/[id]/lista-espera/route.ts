import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, leerJson, metodos, ruta } from "@/lib/http/api";
import { esperasDeReserva, salirListaEspera, unirseListaEspera } from "@/lib/lista-espera/entradas";

type Contexto = { params: Promise<{ id: string }> };
const ROLES = ["CLIENTE", "OPERADOR", "ADMIN"] as const;

const get = ruta<Contexto>(async (_request, { params }) => {
  const actor = await requerirRol(ROLES);
  return json(await esperasDeReserva(prisma, actor, idDeRuta((await params).id, "La reserva")));
});

const post = ruta<Contexto>(async (request, { params }) => {
  const actor = await requerirRol(ROLES);
  const id = idDeRuta((await params).id, "La reserva");
  return json(await unirseListaEspera(prisma, actor, id, await leerJson(request)), 201);
});

// DELETE /api/reservas/{id}/lista-espera/?fecha=AAAA-MM-DD
const del = ruta<Contexto>(async (request, { params }) => {
  const actor = await requerirRol(ROLES);
  const id = idDeRuta((await params).id, "La reserva");
  return json(await salirListaEspera(prisma, actor, id, Object.fromEntries(new URL(request.url).searchParams)));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get, POST: post, DELETE: del });
