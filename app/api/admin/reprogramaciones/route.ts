import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { json, leerJson, ruta, metodos } from "@/lib/http/api";
import { reprogramacionAdministrativa } from "@/lib/reprogramacion/masiva";

const post = ruta(async (request) => {
  const actor = await requerirRol(["ADMIN"]);
  const { status, cuerpo } = await reprogramacionAdministrativa(prisma, actor, await leerJson(request));
  return json(cuerpo, status);
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
