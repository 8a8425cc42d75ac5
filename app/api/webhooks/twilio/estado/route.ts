// Twilio's SMS status callbacks (no session: the signature authenticates the caller).
import { prisma } from "@/lib/db/client";
import { json, leerFormulario, metodos, ruta } from "@/lib/http/api";
import { registrarInformeSms } from "@/lib/notificaciones/sms/informe";

const post = ruta(async (request) => {
  const parametros = await leerFormulario(request);
  const consulta = new URL(request.url).search;
  return json(await registrarInformeSms(prisma, { consulta, firma: request.headers.get("x-twilio-signature"), parametros }));
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ POST: post });
