import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { json, metodos, ruta } from "@/lib/http/api";
import { saludAdministrativa } from "@/lib/salud/salud";

export const dynamic = "force-dynamic";

const get = ruta(async () => {
  await requerirRol(["ADMIN"]);
  return json(await saludAdministrativa(prisma));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
