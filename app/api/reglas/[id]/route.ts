import { NextResponse } from "next/server";
import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, leerJson, ruta } from "@/lib/http/api";
import { actualizarRegla, eliminarRegla, obtenerRegla } from "@/lib/reglas/gestion";

type Contexto = { params: Promise<{ id: string }> };

export const GET = ruta<Contexto>(async (_request, { params }) => {
  await requerirRol(["OPERADOR", "ADMIN"]);
  return json(await obtenerRegla(prisma, idDeRuta((await params).id, "La regla")));
});

export const PATCH = ruta<Contexto>(async (request, { params }) => {
  await requerirRol(["ADMIN"]);
  const id = idDeRuta((await params).id, "La regla");
  return json(await actualizarRegla(prisma, id, await leerJson(request)));
});

export const DELETE = ruta<Contexto>(async (_request, { params }) => {
  await requerirRol(["ADMIN"]);
  await eliminarRegla(prisma, idDeRuta((await params).id, "La regla"));
  return new NextResponse(null, { status: 204 });
});
