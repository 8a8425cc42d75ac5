import { requerirRol } from "@/lib/auth/sesion";
import { ROLES_STAFF } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, leerJson, ruta, metodos } from "@/lib/http/api";
import { marcarNotificacion } from "@/lib/notificaciones/lista";

type Contexto = { params: Promise<{ id: string }> };

/** { "leida": true | false } marks one notification read or unread. */
const patch = ruta<Contexto>(async (request, { params }) => {
  await requerirRol(ROLES_STAFF);
  const id = idDeRuta((await params).id, "La notificación");
  return json(await marcarNotificacion(prisma, id, await leerJson(request)));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ PATCH: patch });
