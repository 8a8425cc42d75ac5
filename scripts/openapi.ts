// npm test's "openapi" stage: builds /api/openapi.json from the zod schemas (the same function the
// route serves), writes it to reports/openapi.json and lints it with Redocly's recommended rules.
// Any error or warning fails the stage.
import { mkdirSync, writeFileSync } from "node:fs";
import { documentoOpenApi } from "@/lib/api/documento";
import { runToEnd } from "./lib/processes";

mkdirSync("reports", { recursive: true });
const documento = documentoOpenApi();
writeFileSync("reports/openapi.json", JSON.stringify(documento, null, 2));
console.log(`OpenAPI ${documento.openapi}: ${Object.keys(documento.paths ?? {}).length} rutas, ${Object.keys(documento.components?.schemas ?? {}).length} esquemas`);
const codigo = await runToEnd("node_modules/.bin/redocly", ["lint", "reports/openapi.json", "--max-problems=50"], { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } });
process.exit(codigo);
