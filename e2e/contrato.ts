// Every JSON response the API specs receive is checked against /api/openapi.json (ajv, JSON Schema
// 2020-12): a status the document does not list for that operation, or a body its schema does not
// describe, fails the request that got it. The count of checked responses is written per worker
// process and summed by scripts/test-e2e.ts.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { request, type APIRequestContext, type APIResponse } from "@playwright/test";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { iniciarSesionApi } from "./helpers";

interface Operacion {
  responses: Record<string, { content?: Record<string, unknown> }>;
}
interface Documento {
  paths: Record<string, Record<string, Operacion>>;
}
interface Contrato {
  rutas: { patron: RegExp; ruta: string; metodos: Record<string, Operacion> }[];
  validador: (puntero: string) => ValidateFunction;
}

let contrato: Promise<Contrato> | null = null;
let validadas = 0;

const CARPETA = path.join("reports", "contrato");
process.on("exit", () => {
  if (!validadas) return;
  mkdirSync(CARPETA, { recursive: true });
  writeFileSync(path.join(CARPETA, `${process.pid}.json`), JSON.stringify({ validadas }));
});

const escaparPuntero = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

async function cargar(): Promise<Contrato> {
  // The document as the server serves it, read by a staff session.
  const ctx = await request.newContext({ baseURL: process.env.BASE_URL });
  await iniciarSesionApi(ctx, "admin@demo.bo");
  const respuesta = await ctx.get("/api/openapi.json");
  if (!respuesta.ok()) throw new Error(`/api/openapi.json respondió ${respuesta.status()}`);
  const documento = (await respuesta.json()) as Documento;
  await ctx.dispose();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(documento, "openapi");
  const compilados = new Map<string, ValidateFunction>();
  return {
    // Literal paths before templated ones: /marcar-todas is not an {id}.
    rutas: Object.entries(documento.paths)
      .map(([ruta, metodos]) => ({ ruta, patron: new RegExp(`^${ruta.replace(/\{[^}]+\}/g, "[^/]+")}/?$`), metodos }))
      .sort((a, b) => a.ruta.split("{").length - b.ruta.split("{").length),
    validador(puntero) {
      if (!compilados.has(puntero)) compilados.set(puntero, ajv.compile({ $ref: `openapi#${puntero}` }));
      return compilados.get(puntero)!;
    },
  };
}

/** Throws when the document does not describe this response. Non-API paths and next-auth's own pages pass. */
export async function comprobarContrato(metodo: string, url: string, respuesta: APIResponse): Promise<void> {
  const { pathname } = new URL(url, "http://x");
  if (!pathname.startsWith("/api/")) return;
  contrato ??= cargar();
  const { rutas, validador } = await contrato;
  const status = String(respuesta.status());
  const tipo = (respuesta.headers()["content-type"] ?? "").split(";")[0].trim();
  const descripcion = `${metodo} ${pathname} → ${status}`;
  const entrada = rutas.find((r) => r.patron.test(pathname));
  if (!entrada) {
    // Only next-auth's other endpoints and unknown paths (the contract's 404) are outside the document.
    if (pathname.startsWith("/api/auth/")) return;
    if (status !== "404") throw new Error(`${descripcion}: ruta fuera de /api/openapi.json`);
    return;
  }
  const op = entrada.metodos[metodo.toLowerCase()];
  if (!op) {
    if (status === "405" || (metodo === "HEAD" && entrada.metodos.get)) return;
    throw new Error(`${descripcion}: método no documentado`);
  }
  const documentada = op.responses[status];
  if (!documentada) throw new Error(`${descripcion}: estado no documentado (documentados: ${Object.keys(op.responses).join(", ")})`);
  if (!documentada.content) return;
  if (!documentada.content[tipo]) throw new Error(`${descripcion}: content-type ${tipo || "(ninguno)"} no documentado`);
  if (tipo !== "application/json") return;
  const validar = validador(`/paths/${escaparPuntero(entrada.ruta)}/${metodo.toLowerCase()}/responses/${status}/content/${escaparPuntero(tipo)}/schema`);
  const cuerpo = await respuesta.json();
  if (!validar(cuerpo)) {
    throw new Error(`${descripcion}: el cuerpo no cumple /api/openapi.json: ${JSON.stringify(validar.errors?.slice(0, 5))}\n${JSON.stringify(cuerpo).slice(0, 1500)}`);
  }
  validadas++;
}

const METODOS = { get: "GET", post: "POST", put: "PUT", patch: "PATCH", delete: "DELETE", head: "HEAD" } as const;

/** The same request context, with every response checked against the document. */
export function conContrato(ctx: APIRequestContext): APIRequestContext {
  return new Proxy(ctx, {
    get(objetivo, propiedad, receptor) {
      const original = Reflect.get(objetivo, propiedad, receptor);
      if (typeof original !== "function") return original;
      const metodoFijo = METODOS[propiedad as keyof typeof METODOS];
      if (!metodoFijo && propiedad !== "fetch") return original.bind(objetivo);
      return async (url: string, opciones?: { method?: string }) => {
        const respuesta: APIResponse = await original.call(objetivo, url, opciones);
        await comprobarContrato(metodoFijo ?? (opciones?.method ?? "GET").toUpperCase(), respuesta.url(), respuesta);
        return respuesta;
      };
    },
  });
}
