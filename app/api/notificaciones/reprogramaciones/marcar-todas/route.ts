import { requerirRol } from "@/lib/auth/sesion";
import { ROLES_STAFF } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { json, ruta } from "@/lib/http/api";
import { marcarTodasLeidas } from "@/lib/notificaciones/lista";

export const POST = ruta(async () => {
  await requerirRol(ROLES_STAFF);
  return json(await marcarTodasLeidas(prisma));
});
