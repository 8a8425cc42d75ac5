// A local HTTP server that answers the Pusher Channels REST trigger (POST /apps/:id/events) and
// checks its signature the way Pusher does: HMAC-SHA256 of "POST\n<path>\n<sorted query>" with the
// app secret, and body_md5 of the body. Unsigned or wrongly signed requests get 401.
// GET /__pruebas/eventos lets another process see what arrived.
import { createHash, createHmac } from "node:crypto";
import { escuchar, leerCuerpo, responder } from "./http";

export interface EventoPusher {
  name: string;
  channels?: string[];
  channel?: string;
  data: string;
}

export function firmaEsperada(secreto: string, metodo: string, ruta: string, consulta: URLSearchParams): string {
  const pares = [...consulta.entries()].filter(([k]) => k !== "auth_signature").sort(([a], [b]) => a.localeCompare(b));
  const texto = `${metodo}\n${ruta}\n${pares.map(([k, v]) => `${k}=${v}`).join("&")}`;
  return createHmac("sha256", secreto).update(texto).digest("hex");
}

export async function iniciarPusherFalso(app: { id: string; key: string; secret: string }) {
  const eventos: EventoPusher[] = [];
  const rechazadas: string[] = [];
  const servidor = await escuchar(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const cuerpo = await leerCuerpo(req);
    if (url.pathname === "/__pruebas/eventos" && req.method === "GET") return responder(res, 200, { eventos, rechazadas: rechazadas.length });
    if (req.method !== "POST" || url.pathname !== `/apps/${app.id}/events`) return responder(res, 404, {});
    const q = url.searchParams;
    const md5 = createHash("md5").update(cuerpo).digest("hex");
    const valida =
      q.get("auth_key") === app.key &&
      q.get("body_md5") === md5 &&
      Math.abs(Date.now() / 1000 - Number(q.get("auth_timestamp"))) < 600 &&
      q.get("auth_signature") === firmaEsperada(app.secret, "POST", url.pathname, q);
    if (!valida) {
      rechazadas.push(url.search);
      return responder(res, 401, { error: "Invalid signature" });
    }
    eventos.push(JSON.parse(cuerpo));
    return responder(res, 200, {});
  });
  const { port } = servidor.server.address() as { port: number };
  return { url: servidor.url, host: "127.0.0.1", port, eventos, rechazadas, cerrar: servidor.cerrar };
}
