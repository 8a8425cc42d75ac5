import { requerirRol } from "@/lib/auth/sesion";
import { ROLES_STAFF } from "@/lib/auth/roles";
import { noEncontrado } from "@/lib/errores";
import { metodos, ruta } from "@/lib/http/api";
import { archivoReferencia, esArchivoReferencia } from "@/lib/api/referencia";

const get = ruta<{ params: Promise<{ archivo: string }> }>(async (_request, { params }) => {
  await requerirRol(ROLES_STAFF);
  const { archivo } = await params;
  if (!esArchivoReferencia(archivo)) throw noEncontrado("El archivo no existe.");
  const { contenido, tipo } = await archivoReferencia(archivo);
  // The files change only with the installed swagger-ui-dist version.
  return new Response(new Uint8Array(contenido), { headers: { "content-type": tipo, "cache-control": "private, max-age=3600" } });
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
