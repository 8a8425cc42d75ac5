import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, leerJson, ruta, metodos } from "@/lib/http/api";
import { claveDeCabecera } from "@/lib/reprogramacion/idempotencia";
import { reprogramarConClave } from "@/lib/reprogramacion/reprogramar";

const post = ruta<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requerirRol(["CLIENTE", "OPERADOR", "ADMIN"]);
  const id = idDeRuta((await params).id, "La reserva");
  const clave = claveDeCabecera(request.headers.get("idempotency-key"));
  const { respuesta, repetida } = await reprogramarConClave(prisma, actor, id, await leerJson(request), clave);
  return json(respuesta, 200, repetida ? { "idempotent-replayed": "true" } : {});
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
