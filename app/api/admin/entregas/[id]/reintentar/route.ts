import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, ruta, metodos } from "@/lib/http/api";
import { reintentarEntrega } from "@/lib/notificaciones/reintentar";

type Contexto = { params: Promise<{ id: string }> };

const post = ruta<Contexto>(async (_request, { params }) => {
  await requerirRol(["ADMIN"]);
  return json(await reintentarEntrega(prisma, idDeRuta((await params).id, "La entrega")));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
