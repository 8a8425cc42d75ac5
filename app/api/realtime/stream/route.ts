// Built-in live feed for staff: Server-Sent Events fed by PostgreSQL LISTEN/NOTIFY.
import { requerirRol } from "@/lib/auth/sesion";
import { ROLES_STAFF } from "@/lib/auth/roles";
import { ruta, metodos } from "@/lib/http/api";
import { streamDeReprogramaciones } from "@/lib/notificaciones/tiempo-real/stream";

export const dynamic = "force-dynamic";

const get = ruta(async (request) => {
  await requerirRol(ROLES_STAFF);
  return new Response(streamDeReprogramaciones(request.signal), {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
