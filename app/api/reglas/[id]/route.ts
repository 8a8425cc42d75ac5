import { NextResponse } from "next/server";
import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, leerJson, ruta, metodos } from "@/lib/http/api";
import { actualizarRegla, eliminarRegla, obtenerRegla } from "@/lib/reglas/gestion";

type Contexto = { params: Promise<{ id: string }> };

const get = ruta<Contexto>(async (_request, { params }) => {
  await requerirRol(["OPERADOR", "ADMIN"]);
  return json(await obtenerRegla(prisma, idDeRuta((await params).id, "La regla")));
});

const patch = ruta<Contexto>(async (request, { params }) => {
  await requerirRol(["ADMIN"]);
  const id = idDeRuta((await params).id, "La regla");
  return json(await actualizarRegla(prisma, id, await leerJson(request)));
});

const eliminar = ruta<Contexto>(async (_request, { params }) => {
  await requerirRol(["ADMIN"]);
  await eliminarRegla(prisma, idDeRuta((await params).id, "La regla"));
  return new NextResponse(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get, PATCH: patch, DELETE: eliminar });
