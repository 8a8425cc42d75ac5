import { requerirRol } from "@/lib/auth/sesion";
import { ROLES_STAFF } from "@/lib/auth/roles";
import { metodos, ruta } from "@/lib/http/api";
import { paginaReferencia } from "@/lib/api/referencia";

const get = ruta(async (request) => {
  await requerirRol(ROLES_STAFF);
  return new Response(paginaReferencia(request.headers.get("x-nonce") ?? ""), { headers: { "content-type": "text/html; charset=utf-8" } });
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
