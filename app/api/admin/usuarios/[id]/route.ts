import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, leerJson, metodos, ruta } from "@/lib/http/api";
import { actualizarUsuario, auditoriaDe, obtenerUsuario, serializarUsuario } from "@/lib/usuarios/gestion";
import { serializarAuditoria } from "@/lib/usuarios/serializar-auditoria";

type Contexto = { params: Promise<{ id: string }> };

const get = ruta<Contexto>(async (_request, { params }) => {
  await requerirRol(["ADMIN"]);
  const id = idDeRuta((await params).id, "El usuario");
  const [usuario, auditoria] = await Promise.all([obtenerUsuario(prisma, id), auditoriaDe(prisma, id)]);
  return json({ ...serializarUsuario(usuario), auditoria: auditoria.map(serializarAuditoria) });
});

const patch = ruta<Contexto>(async (request, { params }) => {
  const actor = await requerirRol(["ADMIN"]);
  const id = idDeRuta((await params).id, "El usuario");
  return json(serializarUsuario(await actualizarUsuario(prisma, actor, id, await leerJson(request))));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get, PATCH: patch });
