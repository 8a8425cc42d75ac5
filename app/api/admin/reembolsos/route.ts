import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { json, metodos, ruta } from "@/lib/http/api";
import { listarReembolsos } from "@/lib/reembolsos/gestion";

// GET /api/admin/reembolsos/?estado=PENDIENTE|PAGADO: refunds owed by cancellations, newest first.
const get = ruta(async (request) => {
  await requerirRol(["ADMIN"]);
  return json(await listarReembolsos(prisma, Object.fromEntries(new URL(request.url).searchParams)));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
