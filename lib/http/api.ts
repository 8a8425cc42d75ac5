// The thin edge of every route handler: parse, authorize, call one lib function, serialize.
// Every failure leaves as JSON { detail, error_code, ... } with a 4xx (or a bare 500), never HTML.
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { ErrorDominio } from "@/lib/errores";
import { errorDeValidacion } from "@/lib/validacion";

export function json(body: unknown, status = 200) {
  return NextResponse.json(body, { status });
}

export function respuestaDeError(error: unknown) {
  if (error instanceof ErrorDominio) return json(error.cuerpo(), error.status);
  if (error instanceof ZodError) return json(errorDeValidacion(error).cuerpo(), 400);
  console.error("Error no controlado en la API:", error instanceof Error ? error.stack : error);
  return json({ detail: "Ocurrió un error interno. Intente nuevamente.", error_code: "ERROR_INTERNO" }, 500);
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function ruta<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return respuestaDeError(error);
    }
  };
}

export async function leerJson(request: Request): Promise<unknown> {
  const texto = await request.text();
  try {
    return JSON.parse(texto);
  } catch {
    throw new ErrorDominio(400, "JSON_INVALIDO", "El cuerpo de la solicitud debe ser un objeto JSON válido.");
  }
}

/** Path ids are positive integers; anything else is a 404, as if the row did not exist. */
export function idDeRuta(valor: string, recurso = "El recurso"): number {
  const id = Number(valor);
  if (!/^\d{1,9}$/.test(valor) || id <= 0) throw new ErrorDominio(404, "NO_ENCONTRADO", `${recurso} no existe.`);
  return id;
}
