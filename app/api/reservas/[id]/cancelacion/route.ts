import { requerirRol } from "@/lib/auth/sesion";
import { cotizacionDeCancelacion } from "@/lib/cancelacion/cancelar";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, metodos, ruta } from "@/lib/http/api";

// GET /api/reservas/{id}/cancelacion/: what cancelling now refunds, the policy's timeline and a quote valid 15 minutes. Changes nothing.
const get = ruta<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await requerirRol(["CLIENTE", "OPERADOR", "ADMIN"]);
  return json(await cotizacionDeCancelacion(prisma, actor, idDeRuta((await params).id, "La reserva")));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
