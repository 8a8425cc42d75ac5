// Pusher private-channel authorization: only OPERADOR and ADMIN may join the support channel.
import { requerirRol } from "@/lib/auth/sesion";
import { ROLES_STAFF } from "@/lib/auth/roles";
import { json, ruta, metodos } from "@/lib/http/api";
import { autorizarSuscripcion } from "@/lib/notificaciones/tiempo-real/autorizar";

const post = ruta(async (request) => {
  await requerirRol(ROLES_STAFF);
  return json(autorizarSuscripcion(await request.text()));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
