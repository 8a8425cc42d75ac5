import { documentoOpenApi } from "@/lib/api/documento";
import { requerirRol } from "@/lib/auth/sesion";
import { ROLES_STAFF } from "@/lib/auth/roles";
import { json, metodos, ruta } from "@/lib/http/api";

const get = ruta(async () => {
  await requerirRol(ROLES_STAFF);
  return json(documentoOpenApi());
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
