import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { json, ruta, metodos } from "@/lib/http/api";
import { filtrosEntregasSchema, listarEntregasFallidas } from "@/lib/notificaciones/reintentar";

/** Dead-lettered deliveries (estado FALLIDA), newest first. */
const get = ruta(async (request) => {
  await requerirRol(["ADMIN"]);
  const filtros = filtrosEntregasSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await listarEntregasFallidas(prisma, filtros));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
