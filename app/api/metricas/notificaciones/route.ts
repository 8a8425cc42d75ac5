import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { json, ruta, metodos } from "@/lib/http/api";
import { metricasNotificaciones, periodoMetricasSchema } from "@/lib/notificaciones/metricas";

const get = ruta(async (request) => {
  await requerirRol(["ADMIN"]);
  const periodo = periodoMetricasSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await metricasNotificaciones(prisma, periodo));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
