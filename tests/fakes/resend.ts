// A local HTTP server that answers POST /emails and POST /emails/batch like the Resend API: Bearer
// key required, 422 on a malformed body (a batch in permissive mode lists its invalid emails by index
// instead), one send per Idempotency-Key (a repeat returns the first ids), and scripted failures
// (500, 429 with retry-after) for retry tests. /__pruebas/* lets another process inspect it.
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { escuchar, leerCuerpo, responder } from "./http";

export interface PeticionResend {
  clave: string | null;
  /** For an email that came in a batch: the batch's size (each of its emails is listed). */
  lote?: number;
  cuerpo: { from: string; to: string[]; subject: string; html: string; text?: string; attachments?: { filename: string; content: string; content_type?: string }[] };
  respondida: number;
  en: number;
}

export interface CorreoResend {
  id: string;
  clave: string | null;
  cuerpo: PeticionResend["cuerpo"];
}

export async function iniciarResendFalso(puerto = 0) {
  const peticiones: PeticionResend[] = [];
  const enviados: CorreoResend[] = [];
  let fallos: { estado: number; retryAfter?: number }[] = [];
  let demoraMs = 0;
  let caidoHasta = 0;

  const servidor = await escuchar(async (req, res) => {
    const ruta = new URL(req.url ?? "/", "http://x").pathname;
    if (ruta === "/__pruebas/enviados" && req.method === "GET") return responder(res, 200, { enviados, peticiones: peticiones.length });
    if (ruta === "/__pruebas/fallos" && req.method === "POST") {
      fallos = JSON.parse(await leerCuerpo(req));
      return responder(res, 200, { ok: true });
    }
    if (req.method !== "POST" || (ruta !== "/emails" && ruta !== "/emails/batch")) return responder(res, 404, { statusCode: 404, name: "not_found", message: "Not found" });
    if (!/^Bearer re_\w+/.test(String(req.headers.authorization))) {
      return responder(res, 401, { statusCode: 401, name: "missing_api_key", message: "Missing API key in the authorization header." });
    }
    const clave = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const cuerpo = JSON.parse(await leerCuerpo(req));
    if (demoraMs) await new Promise((r) => setTimeout(r, demoraMs));
    const fallo = Date.now() < caidoHasta ? { estado: 503 } : fallos.shift();
    return ruta === "/emails" ? uno(res, clave, cuerpo, fallo) : lote(res, clave, cuerpo, fallo, req.headers["x-batch-validation"] === "permissive");
  }, puerto);

  type Fallo = (typeof fallos)[number] | undefined;
  function responderFallo(res: ServerResponse, { estado, retryAfter }: NonNullable<Fallo>) {
    const nombre = estado === 429 ? "rate_limit_exceeded" : estado === 503 ? "service_unavailable" : "internal_server_error";
    return responder(res, estado, { statusCode: estado, name: nombre, message: "Simulated failure" }, retryAfter ? { "retry-after": String(retryAfter) } : {});
  }

  function uno(res: ServerResponse, clave: string | null, cuerpo: PeticionResend["cuerpo"], fallo: Fallo) {
    peticiones.push({ clave, cuerpo, respondida: fallo?.estado ?? 200, en: Date.now() });
    if (fallo) return responderFallo(res, fallo);
    if (!cuerpo.from || !Array.isArray(cuerpo.to) || !cuerpo.subject || !cuerpo.html) {
      return responder(res, 422, { statusCode: 422, name: "validation_error", message: "Missing required field" });
    }
    const previo = clave ? enviados.find((e) => e.clave === clave) : undefined;
    if (previo) return responder(res, 200, { id: previo.id });
    const correo = { id: randomUUID(), clave, cuerpo };
    enviados.push(correo);
    return responder(res, 200, { id: correo.id });
  }

  const esValido = (c: PeticionResend["cuerpo"]) => Boolean(c?.from && Array.isArray(c.to) && c.to.every((d) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(d)) && c.subject && c.html);
  const lotes = new Map<string, { data: { id: string }[]; errors?: { index: number; message: string }[] }>();

  function lote(res: ServerResponse, clave: string | null, cuerpos: PeticionResend["cuerpo"][], fallo: Fallo, permisivo: boolean) {
    const estado = fallo?.estado ?? (Array.isArray(cuerpos) && cuerpos.length <= 100 ? 200 : 422);
    for (const cuerpo of Array.isArray(cuerpos) ? cuerpos : []) peticiones.push({ clave, lote: cuerpos.length, cuerpo, respondida: estado, en: Date.now() });
    if (fallo) return responderFallo(res, fallo);
    if (estado === 422) return responder(res, 422, { statusCode: 422, name: "validation_error", message: "A batch holds 1 to 100 emails" });
    const previo = clave ? lotes.get(clave) : undefined;
    if (previo) return responder(res, 200, previo);
    const invalidos = cuerpos.flatMap((c, index) => (esValido(c) ? [] : [{ index, message: "Invalid `to` field" }]));
    if (invalidos.length && !permisivo) return responder(res, 422, { statusCode: 422, name: "validation_error", message: invalidos[0].message });
    const data = cuerpos.flatMap((cuerpo) => {
      if (!esValido(cuerpo)) return [];
      const correo = { id: randomUUID(), clave, cuerpo };
      enviados.push(correo);
      return [{ id: correo.id }];
    });
    const respuesta = permisivo ? { data, errors: invalidos } : { data };
    if (clave) lotes.set(clave, respuesta);
    return responder(res, 200, respuesta);
  }

  return {
    url: servidor.url,
    peticiones,
    enviados,
    /** The next n requests fail with this status. */
    fallarProximas(n: number, estado = 500, retryAfter?: number) {
      fallos = Array.from({ length: n }, () => ({ estado, retryAfter }));
    },
    /** Every answer waits this long first (to catch a worker mid-delivery). */
    demorar(ms: number) {
      demoraMs = ms;
    },
    /** An outage: every request answers 503 for the next `ms`. */
    caer(ms: number) {
      caidoHasta = Date.now() + ms;
    },
    cerrar: servidor.cerrar,
  };
}
export type ResendFalso = Awaited<ReturnType<typeof iniciarResendFalso>>;
