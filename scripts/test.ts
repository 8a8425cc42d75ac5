// Reports go to reports/: Playwright empties its own test-results/ folder when it starts.
// npm test: typecheck, lint, the OpenAPI document's lint, Vitest (unit + integration on a throwaway PostgreSQL), then Playwright
// end-to-end on a production build. Ends with one plain summary line: "Tests: N passed, N failed".
import { existsSync, readFileSync, rmSync } from "node:fs";
import { runToEnd } from "./lib/processes";

interface Stage {
  name: string;
  command: string;
  args: string[];
}

const stages: Stage[] = [
  { name: "typecheck", command: "node_modules/.bin/tsc", args: ["--noEmit"] },
  { name: "lint", command: "node_modules/.bin/eslint", args: ["--max-warnings=0", "."] },
  { name: "openapi", command: "node_modules/.bin/tsx", args: ["scripts/openapi.ts"] },
  { name: "vitest", command: "node_modules/.bin/vitest", args: ["run"] },
  { name: "e2e", command: "node_modules/.bin/tsx", args: ["scripts/test-e2e.ts"] },
];
const VITEST_JSON = "reports/vitest.json";
const PLAYWRIGHT_JSON = "reports/e2e.json";

function counts(): { passed: number; failed: number; skipped: number } {
  const total = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(VITEST_JSON)) {
    const r = JSON.parse(readFileSync(VITEST_JSON, "utf8"));
    total.passed += r.numPassedTests;
    total.failed += r.numFailedTests;
    total.skipped += r.numPendingTests + r.numTodoTests;
  }
  if (existsSync(PLAYWRIGHT_JSON)) {
    const s = JSON.parse(readFileSync(PLAYWRIGHT_JSON, "utf8")).stats;
    total.passed += s.expected + s.flaky;
    total.failed += s.unexpected;
    total.skipped += s.skipped;
  }
  return total;
}

rmSync(VITEST_JSON, { force: true });
rmSync(PLAYWRIGHT_JSON, { force: true });
const env = { ...process.env, VITEST_JSON_OUTPUT: VITEST_JSON, PLAYWRIGHT_JSON_OUTPUT: PLAYWRIGHT_JSON, NEXT_TELEMETRY_DISABLED: "1" };
const failedStages: string[] = [];
for (const stage of stages) {
  const started = Date.now();
  console.log(`\n=== ${stage.name} ===`);
  let code = await runToEnd(stage.command, stage.args, { env });
  // Vitest can exit 0 after a global set-up crash with "no test files": a run of zero tests fails.
  if (code === 0 && stage.name === "vitest" && !(existsSync(VITEST_JSON) && JSON.parse(readFileSync(VITEST_JSON, "utf8")).numTotalTests > 0)) code = 1;
  console.log(`=== ${stage.name}: ${code === 0 ? "ok" : `falló (código ${code})`} en ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (code !== 0) failedStages.push(stage.name);
  // Type or lint errors make the rest meaningless; test stages all run so every failure is seen.
  if (code !== 0 && (stage.name === "typecheck" || stage.name === "lint" || stage.name === "openapi")) break;
}
const { passed, failed, skipped } = counts();
console.log(`\nEtapas fallidas: ${failedStages.length ? failedStages.join(", ") : "ninguna"}`);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failedStages.length ? 1 : 0);
