import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, metodos, ruta } from "@/lib/http/api";
import { informeDeImportacionCsv } from "@/lib/importacion/importar";

// GET /api/admin/importaciones/{id}/csv: the per-row report as a spreadsheet.
const get = ruta<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  await requerirRol(["ADMIN"]);
  const id = idDeRuta((await params).id, "La importación");
  return new Response(await informeDeImportacionCsv(prisma, id), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="importacion-${id}.csv"` },
  });
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
