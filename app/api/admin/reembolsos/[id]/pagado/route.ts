import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, metodos, ruta } from "@/lib/http/api";
import { marcarPagado } from "@/lib/reembolsos/gestion";

// POST /api/admin/reembolsos/{id}/pagado: the agency paid it (once; a second time is 409).
const post = ruta<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const actor = await requerirRol(["ADMIN"]);
  return json(await marcarPagado(prisma, actor, idDeRuta((await params).id, "El reembolso")));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
