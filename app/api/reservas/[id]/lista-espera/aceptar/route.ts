import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, leerJson, metodos, ruta } from "@/lib/http/api";
import { aceptarOferta } from "@/lib/lista-espera/ofertas";

const post = ruta<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requerirRol(["CLIENTE", "OPERADOR", "ADMIN"]);
  const id = idDeRuta((await params).id, "La reserva");
  // The body is optional ({ "fecha": "AAAA-MM-DD" } picks one of several offers).
  return json(await aceptarOferta(prisma, actor, id, request.headers.get("content-type") ? await leerJson(request) : {}));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
