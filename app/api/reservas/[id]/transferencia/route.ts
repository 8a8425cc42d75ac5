import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, metodos, ruta } from "@/lib/http/api";
import { condicionesDeTransferencia } from "@/lib/transferencia/transferir";

// GET /api/reservas/{id}/transferencia/: whether the policy allows a transfer now, its fee and deadline.
const get = ruta<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await requerirRol(["CLIENTE", "OPERADOR", "ADMIN"]);
  return json(await condicionesDeTransferencia(prisma, actor, idDeRuta((await params).id, "La reserva")));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
