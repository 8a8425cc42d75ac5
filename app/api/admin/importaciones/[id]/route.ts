import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, metodos, ruta } from "@/lib/http/api";
import { estadoImportacion } from "@/lib/importacion/importar";

// GET /api/admin/importaciones/{id}/: state and progress; once finished, the counts and every row.
const get = ruta<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  await requerirRol(["ADMIN"]);
  return json(await estadoImportacion(prisma, idDeRuta((await params).id, "La importación")));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
