// Built-in live feed for staff: Server-Sent Events fed by PostgreSQL LISTEN/NOTIFY.
import { senalDeApagado } from "@/lib/apagado";
import { requerirRol } from "@/lib/auth/sesion";
import { ROLES_STAFF } from "@/lib/auth/roles";
import { ruta, metodos } from "@/lib/http/api";
import { streamDeReprogramaciones } from "@/lib/notificaciones/tiempo-real/stream";

export const dynamic = "force-dynamic";

const get = ruta(async (request) => {
  await requerirRol(ROLES_STAFF);
  // It ends when the tab goes away or the server is stopping (the browser reconnects elsewhere).
  return new Response(streamDeReprogramaciones(AbortSignal.any([request.signal, senalDeApagado()])), {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
