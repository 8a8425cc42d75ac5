import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { json, leerMultipart, metodos, ruta } from "@/lib/http/api";
import { BYTES_MAXIMOS, MENSAJE_DEMASIADO_GRANDE } from "@/lib/importacion/csv";
import { importacionesRecientes, recibirImportacion, resumenDeImportacion } from "@/lib/importacion/importar";

// POST /api/admin/importaciones/ (multipart: archivo, simulacion, enviar_bienvenida): a dry run (200,
// the per-row report) or an import run by the worker (202 with its id; follow it at .../{id}/).
const post = ruta(async (request) => {
  const actor = await requerirRol(["ADMIN"]);
  const { status, cuerpo } = await recibirImportacion(prisma, actor, await leerMultipart(request, BYTES_MAXIMOS, MENSAJE_DEMASIADO_GRANDE));
  return json(cuerpo, status, status === 202 ? { location: `/api/admin/importaciones/${(cuerpo as { id: number }).id}/` } : {});
});

// GET /api/admin/importaciones/: the latest imports, newest first.
const get = ruta(async () => {
  await requerirRol(["ADMIN"]);
  return json({ importaciones: (await importacionesRecientes(prisma)).map(resumenDeImportacion) });
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get, POST: post });
