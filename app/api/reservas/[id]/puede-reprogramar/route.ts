import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, ruta, metodos } from "@/lib/http/api";
import { sinParametrosDesconocidos, verificarReprogramacion } from "@/lib/reprogramacion/verificar";

const get = ruta<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const actor = await requerirRol(["CLIENTE", "OPERADOR", "ADMIN"]);
  const id = idDeRuta((await params).id, "La reserva");
  const query = new URL(request.url).searchParams;
  sinParametrosDesconocidos(query, ["nueva_fecha"]);
  return json(await verificarReprogramacion(prisma, actor, id, query.get("nueva_fecha")));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
