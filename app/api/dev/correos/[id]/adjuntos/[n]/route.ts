import { ROLES_STAFF } from "@/lib/auth/roles";
import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { noEncontrado } from "@/lib/errores";
import { idDeRuta, metodos, ruta } from "@/lib/http/api";
import { adjuntoDelBuzon, buzonVisible } from "@/lib/notificaciones/correo/buzon";

// GET /api/dev/correos/{id}/adjuntos/{n}: a file a development-mailbox email carries (its calendar invitation).
const get = ruta<{ params: Promise<{ id: string; n: string }> }>(async (_request, { params }) => {
  await requerirRol(ROLES_STAFF);
  const { id, n } = await params;
  if (!buzonVisible() || !/^\d{1,2}$/.test(n)) throw noEncontrado("El adjunto no existe.");
  const adjunto = await adjuntoDelBuzon(prisma, idDeRuta(id, "El correo"), Number(n));
  if (!adjunto) throw noEncontrado("El adjunto no existe.");
  return new Response(adjunto.contenido, { headers: { "content-type": adjunto.tipo, "content-disposition": `attachment; filename="${adjunto.nombre.replace(/[^\w.-]/g, "_")}"` } });
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
