import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, json, metodos, ruta } from "@/lib/http/api";
import { reenviarInvitacion, serializarUsuario } from "@/lib/usuarios/gestion";

type Contexto = { params: Promise<{ id: string }> };

// POST /api/admin/usuarios/{id}/invitacion/: a new invitation email (202); the previous link dies.
const post = ruta<Contexto>(async (_request, { params }) => {
  const actor = await requerirRol(["ADMIN"]);
  return json(serializarUsuario(await reenviarInvitacion(prisma, actor, idDeRuta((await params).id, "El usuario"))), 202);
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
