// The thin edge of every route handler: parse, authorize, call one lib function, serialize.
// Every failure leaves as JSON { detail, error_code, ... } with a 4xx (or a bare 500), never HTML.
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { actorActual } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { errorParaRegistro, registro } from "@/lib/registro";
import { registrarSolicitud } from "./registro-solicitud";
import { limitarEscritura } from "@/lib/seguridad/limite-tasa";
import { errorDeValidacion, MENSAJE_CARACTERES, PROFUNDIDAD_MAXIMA_JSON, profundidadJson, rutaDeTextoInseguro } from "@/lib/validacion";

export function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return NextResponse.json(body, { status, headers });
}

/**
 * Any failure as the contract's error: status, `{ detail, error_code, ... }` and headers. Unexpected
 * ones are logged and become a 500 that carries the request id, for the user to quote to support.
 */
export function errorComoCuerpo(error: unknown, requestId?: string): { status: number; cuerpo: Record<string, unknown>; cabeceras: Record<string, string> } {
  if (error instanceof ErrorDominio) return { status: error.status, cuerpo: error.cuerpo(), cabeceras: error.cabeceras };
  if (error instanceof ZodError) return { status: 400, cuerpo: errorDeValidacion(error).cuerpo(), cabeceras: {} };
  registro.error({ request_id: requestId, error: errorParaRegistro(error) }, "error no controlado");
  const referencia = requestId ? ` Si vuelve a ocurrir, indique a soporte el código ${requestId}.` : "";
  return { status: 500, cuerpo: { detail: `Ocurrió un error interno. Intente nuevamente.${referencia}`, error_code: "ERROR_INTERNO", ...(requestId ? { request_id: requestId } : {}) }, cabeceras: {} };
}

export function respuestaDeError(error: unknown, requestId?: string) {
  const { status, cuerpo, cabeceras } = errorComoCuerpo(error, requestId);
  return json(cuerpo, status, cabeceras);
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

const ESCRITURAS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Logs one line per request around a handler that answers by itself (next-auth's). */
export function conRegistro<C>(handler: Handler<C>, patron?: string): Handler<C> {
  return async (request, context) => {
    const inicio = performance.now();
    const respuesta = await handler(request, context);
    // The session was decoded already by the handler's guard (cached per cookie); no session, no actor.
    registrarSolicitud(request, respuesta.status, inicio, await actorActual().catch(() => null), patron);
    return respuesta;
  };
}

export function ruta<C>(handler: Handler<C>, opciones: { patron?: string } = {}): Handler<C> {
  return conRegistro(async (request, context) => {
    try {
      // Every write counts against its user's budget; without a session the handler answers 401.
      if (ESCRITURAS.has(request.method)) {
        const actor = await actorActual();
        if (actor) await limitarEscritura(prisma, actor.id);
      }
      return await handler(request, context);
    } catch (error) {
      return respuestaDeError(error, request.headers.get("x-request-id") ?? undefined);
    }
  }, opciones.patron);
}

const ES_JSON = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/**
 * The JSON body of a write. Refuses other content types (415), malformed JSON (400) and, anywhere in
 * the document, keys or values with control characters or invalid Unicode (400), which PostgreSQL
 * and the notification payloads could not store.
 */
export async function leerJson(request: Request): Promise<unknown> {
  if (!ES_JSON.test(request.headers.get("content-type") ?? ""))
    throw new ErrorDominio(415, "TIPO_CONTENIDO_NO_SOPORTADO", "El cuerpo debe enviarse como application/json.");
  const texto = await leerTexto(request);
  // Recursive walks of a document thousands of levels deep (ours, zod's) overflow the stack: refuse
  // it before parsing. No payload of this API nests deeper than a few levels.
  if (profundidadJson(texto) > PROFUNDIDAD_MAXIMA_JSON)
    throw new ErrorDominio(400, "JSON_DEMASIADO_ANIDADO", `El cuerpo JSON no puede anidar más de ${PROFUNDIDAD_MAXIMA_JSON} niveles de objetos o listas.`);
  let cuerpo: unknown;
  try {
    cuerpo = JSON.parse(texto);
  } catch {
    throw new ErrorDominio(400, "JSON_INVALIDO", "El cuerpo de la solicitud debe ser un objeto JSON válido.");
  }
  const inseguro = rutaDeTextoInseguro(cuerpo);
  if (inseguro) throw new ErrorDominio(400, "DATOS_INVALIDOS", "Los datos enviados no son válidos.", { campos: { [inseguro]: MENSAJE_CARACTERES } });
  return cuerpo;
}

const ES_FORMULARIO = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/** A form-encoded body (what providers' webhooks post) as name → value; other content types are a 415. */
export async function leerFormulario(request: Request): Promise<Record<string, string>> {
  if (!ES_FORMULARIO.test(request.headers.get("content-type") ?? ""))
    throw new ErrorDominio(415, "TIPO_CONTENIDO_NO_SOPORTADO", "El cuerpo debe enviarse como application/x-www-form-urlencoded.");
  return Object.fromEntries(new URLSearchParams(await leerTexto(request)));
}

const ES_MULTIPART = /^multipart\/form-data\s*;/i;

/**
 * A file upload (multipart/form-data). A body declared larger than `bytesMaximos` is refused before
 * it is read (413 would be lost on most clients mid-upload; the contract answers 400 with the reason).
 */
export async function leerMultipart(request: Request, bytesMaximos: number, demasiadoGrande: string): Promise<FormData> {
  if (!ES_MULTIPART.test(request.headers.get("content-type") ?? ""))
    throw new ErrorDominio(415, "TIPO_CONTENIDO_NO_SOPORTADO", "El cuerpo debe enviarse como multipart/form-data con el campo archivo.");
  // The form's own boundaries and fields add a few hundred bytes to the file.
  if (Number(request.headers.get("content-length") ?? 0) > bytesMaximos + 64 * 1024) throw new ErrorDominio(400, "ARCHIVO_DEMASIADO_GRANDE", demasiadoGrande);
  try {
    return await request.formData();
  } catch {
    throw new ErrorDominio(400, "CUERPO_INCOMPLETO", "No se pudo leer el formulario enviado: no llegó completo o no es multipart/form-data válido.");
  }
}

async function leerTexto(request: Request): Promise<string> {
  try {
    return await request.text();
  } catch {
    // The client went away mid-body (closed tab, dropped connection): nothing to answer or log.
    throw new ErrorDominio(400, "CUERPO_INCOMPLETO", "No se recibió el cuerpo completo de la solicitud.");
  }
}

const METODOS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Metodo = (typeof METODOS)[number];

export function metodoNoPermitido(permitidos: readonly string[]) {
  const allow = [...permitidos, ...(permitidos.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  return NextResponse.json(
    { detail: `Método no permitido. Use: ${permitidos.join(", ")}.`, error_code: "METODO_NO_PERMITIDO", metodos_permitidos: permitidos },
    { status: 405, headers: { allow } },
  );
}

/**
 * Every HTTP method of one route: the given handlers, and a JSON 405 with `Allow` for the rest
 * (Next.js would answer those with an empty body). Use as
 * `export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: ruta(...) })`.
 */
export function metodos<C>(handlers: Partial<Record<Metodo, Handler<C>>>): Record<Metodo, Handler<C>> {
  const permitidos = METODOS.filter((m) => handlers[m]);
  const noPermitido: Handler<C> = async () => metodoNoPermitido(permitidos);
  return Object.fromEntries(METODOS.map((m) => [m, handlers[m] ?? noPermitido])) as Record<Metodo, Handler<C>>;
}

/** Path ids are positive integers; anything else is a 404, as if the row did not exist. */
export function idDeRuta(valor: string, recurso = "El recurso"): number {
  const id = Number(valor);
  if (!/^\d{1,9}$/.test(valor) || id <= 0) throw new ErrorDominio(404, "NO_ENCONTRADO", `${recurso} no existe.`);
  return id;
}
