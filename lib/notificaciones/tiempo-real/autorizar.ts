// Checks what pusher-js posts (form-encoded socket_id and channel_name) and signs it.
import { z } from "zod";
import { ErrorDominio } from "@/lib/errores";
import { CANAL_SOPORTE } from "./configuracion";
import { autorizarCanal } from "./publicar";

const solicitud = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/, "socket_id inválido"),
  channel_name: z.literal(CANAL_SOPORTE, { error: "Canal no permitido" }),
});

export function autorizarSuscripcion(cuerpo: string) {
  const { socket_id, channel_name } = solicitud.parse(Object.fromEntries(new URLSearchParams(cuerpo)));
  const firma = autorizarCanal(socket_id, channel_name);
  if (!firma) throw new ErrorDominio(404, "TIEMPO_REAL_SIN_PUSHER", "Pusher no está configurado; el panel usa el canal integrado.");
  return firma;
}
