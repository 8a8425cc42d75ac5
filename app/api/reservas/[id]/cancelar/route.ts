import { requerirRol } from "@/lib/auth/sesion";
import { cancelarReserva } from "@/lib/cancelacion/cancelar";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, leerJson, metodos, ruta } from "@/lib/http/api";
import { claveDeCabecera } from "@/lib/reprogramacion/idempotencia";

// POST /api/reservas/{id}/cancelar/ { cotizacion, motivo }: cancels at the quoted refund, or 409 COTIZACION_VENCIDA with a fresh quote.
const post = ruta<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requerirRol(["CLIENTE", "OPERADOR", "ADMIN"]);
  const id = idDeRuta((await params).id, "La reserva");
  const clave = claveDeCabecera(request.headers.get("idempotency-key"));
  const { respuesta, repetida } = await cancelarReserva(prisma, actor, id, await leerJson(request), clave);
  return json(respuesta, 200, repetida ? { "idempotent-replayed": "true" } : {});
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
