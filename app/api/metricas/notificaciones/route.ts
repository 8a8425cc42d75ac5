import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { json, ruta } from "@/lib/http/api";
import { metricasNotificaciones, periodoMetricasSchema } from "@/lib/notificaciones/metricas";

export const GET = ruta(async (request) => {
  await requerirRol(["ADMIN"]);
  const periodo = periodoMetricasSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await metricasNotificaciones(prisma, periodo));
});
