import { requerirRol } from "@/lib/auth/sesion";
import { ROLES_STAFF } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { json, ruta, metodos } from "@/lib/http/api";
import { marcarTodasLeidas } from "@/lib/notificaciones/lista";

const post = ruta(async () => {
  await requerirRol(ROLES_STAFF);
  return json(await marcarTodasLeidas(prisma));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
