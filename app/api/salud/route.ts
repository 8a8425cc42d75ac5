// Public health probe (no session): for load balancers and uptime monitors.
import { prisma } from "@/lib/db/client";
import { json, metodos, ruta } from "@/lib/http/api";
import { saludPublica } from "@/lib/salud/salud";

export const dynamic = "force-dynamic";

const get = ruta(async () => {
  const salud = await saludPublica(prisma);
  return json(salud, salud.estado === "ok" ? 200 : 503);
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
