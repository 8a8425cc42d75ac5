import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { json, leerJson, ruta, metodos } from "@/lib/http/api";
import { crearLote } from "@/lib/reprogramacion/lotes";

// POST /api/admin/lotes/: a bulk move processed in the background (202); follow it at .../{id}/progreso.
const post = ruta(async (request) => {
  const actor = await requerirRol(["ADMIN"]);
  return json(await crearLote(prisma, actor, await leerJson(request)), 202);
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
