import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { metodos, ruta } from "@/lib/http/api";
import { listarReembolsos, reembolsosComoCsv } from "@/lib/reembolsos/gestion";

// GET /api/admin/reembolsos/csv?estado=: the same list as a spreadsheet.
const get = ruta(async (request) => {
  await requerirRol(["ADMIN"]);
  const { reembolsos } = await listarReembolsos(prisma, Object.fromEntries(new URL(request.url).searchParams));
  return new Response(reembolsosComoCsv(reembolsos), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="reembolsos.csv"' } });
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
