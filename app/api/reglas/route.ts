import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { json, leerJson, ruta } from "@/lib/http/api";
import { crearRegla, listarReglas } from "@/lib/reglas/gestion";

export const GET = ruta(async () => {
  await requerirRol(["OPERADOR", "ADMIN"]);
  return json(await listarReglas(prisma));
});

export const POST = ruta(async (request) => {
  const actor = await requerirRol(["ADMIN"]);
  return json(await crearRegla(prisma, actor, await leerJson(request)), 201);
});
