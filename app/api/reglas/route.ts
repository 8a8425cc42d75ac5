import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { json, leerJson, ruta, metodos } from "@/lib/http/api";
import { crearRegla, listarReglas } from "@/lib/reglas/gestion";

const get = ruta(async () => {
  await requerirRol(["OPERADOR", "ADMIN"]);
  return json(await listarReglas(prisma));
});

const post = ruta(async (request) => {
  const actor = await requerirRol(["ADMIN"]);
  return json(await crearRegla(prisma, actor, await leerJson(request)), 201);
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get, POST: post });
