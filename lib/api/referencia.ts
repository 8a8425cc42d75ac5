// /api/docs: Swagger UI (swagger-ui-dist, served from node_modules) over /api/openapi.json, under the
// product's CSP: the bundle and the start script carry the request's nonce, nothing loads from
// elsewhere (no validator badge, no fonts from a CDN).
import { readFile } from "node:fs/promises";
import path from "node:path";

const ARCHIVOS = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
} as const;
export type ArchivoReferencia = keyof typeof ARCHIVOS;
export const esArchivoReferencia = (nombre: string): nombre is ArchivoReferencia => Object.hasOwn(ARCHIVOS, nombre);

const leidos = new Map<ArchivoReferencia, Buffer>();

/** One of Swagger UI's two files, read once per process. */
export async function archivoReferencia(nombre: ArchivoReferencia): Promise<{ contenido: Buffer; tipo: string }> {
  let contenido = leidos.get(nombre);
  if (!contenido) {
    contenido = await readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", nombre));
    leidos.set(nombre, contenido);
  }
  return { contenido, tipo: ARCHIVOS[nombre] };
}

const escaparAtributo = (v: string) => v.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

export function paginaReferencia(nonce: string): string {
  const n = escaparAtributo(nonce);
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Referencia de la API · Reprogramaciones</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<main id="referencia"></main>
<script nonce="${n}" src="/api/docs/swagger-ui-bundle.js"></script>
<script nonce="${n}">
window.ui = SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#referencia",
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
  withCredentials: true,
  defaultModelsExpandDepth: 0,
});
</script>
</body>
</html>`;
}
