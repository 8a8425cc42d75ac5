import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { json, leerJson, metodos, ruta } from "@/lib/http/api";
import { crearUsuario, listarUsuarios, serializarUsuario } from "@/lib/usuarios/gestion";

// GET /api/admin/usuarios/?q=&rol=&activo=&pagina=: people of the agency, paginated on the server.
const get = ruta(async (request) => {
  await requerirRol(["ADMIN"]);
  return json(await listarUsuarios(prisma, Object.fromEntries(new URL(request.url).searchParams)));
});

// POST /api/admin/usuarios/: a new account (201); staff get an invitation, clients a welcome email.
const post = ruta(async (request) => {
  const actor = await requerirRol(["ADMIN"]);
  return json(serializarUsuario(await crearUsuario(prisma, actor, await leerJson(request))), 201);
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get, POST: post });
