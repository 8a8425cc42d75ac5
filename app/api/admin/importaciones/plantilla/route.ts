import { requerirRol } from "@/lib/auth/sesion";
import { metodos, ruta } from "@/lib/http/api";
import { PLANTILLA_CSV } from "@/lib/importacion/csv";

// GET /api/admin/importaciones/plantilla: the CSV template (headers and one example row), with a BOM so Excel reads it as UTF-8.
const get = ruta(async () => {
  await requerirRol(["ADMIN"]);
  return new Response(`\uFEFF${PLANTILLA_CSV}`, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="plantilla-reservas.csv"' },
  });
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
