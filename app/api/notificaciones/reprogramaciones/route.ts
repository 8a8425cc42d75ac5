import { requerirRol } from "@/lib/auth/sesion";
import { ROLES_STAFF } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { json, ruta, metodos } from "@/lib/http/api";
import { filtrosNotificacionesSchema, listarNotificaciones } from "@/lib/notificaciones/lista";

const get = ruta(async (request) => {
  await requerirRol(ROLES_STAFF);
  const filtros = filtrosNotificacionesSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await listarNotificaciones(prisma, filtros));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
