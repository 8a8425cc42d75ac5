// Twilio's SMS status callbacks (no session: the signature authenticates the caller).
import { prisma } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { json, metodos, ruta } from "@/lib/http/api";
import { registrarInformeSms } from "@/lib/notificaciones/sms/informe";

const post = ruta(async (request) => {
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers.get("content-type") ?? ""))
    throw new ErrorDominio(415, "TIPO_CONTENIDO_NO_SOPORTADO", "El informe debe enviarse como application/x-www-form-urlencoded.");
  const cuerpo = await request.text().catch(() => {
    throw new ErrorDominio(400, "CUERPO_INCOMPLETO", "No se recibió el cuerpo completo de la solicitud.");
  });
  const parametros = Object.fromEntries(new URLSearchParams(cuerpo));
  const consulta = new URL(request.url).search;
  return json(await registrarInformeSms(prisma, { consulta, firma: request.headers.get("x-twilio-signature"), parametros }));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
