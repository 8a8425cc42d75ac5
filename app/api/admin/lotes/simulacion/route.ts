import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { json, leerJson, ruta, metodos } from "@/lib/http/api";
import { simularLote } from "@/lib/reprogramacion/lotes";

// POST /api/admin/lotes/simulacion/: the dry run of a bulk move; nothing is written.
const post = ruta(async (request) => {
  const actor = await requerirRol(["ADMIN"]);
  return json(await simularLote(prisma, actor, await leerJson(request)));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
