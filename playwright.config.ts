import { defineConfig } from "@playwright/test";
import { ARGUMENTOS_CHROMIUM, buscarNavegador } from "./scripts/lib/navegador";

// The server and database are started by scripts/test-e2e.ts (production build, throwaway database).
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT ?? "reports/e2e.json" }]],
  // The live-panel spec counts unread notifications exactly, so it runs after every other spec
  // (which reschedule in parallel) has finished.
  projects: [
    { name: "principal", testIgnore: /(panel-notificaciones|proveedores|limites|endurecimiento|propiedades)\.spec\.ts/ },
    // These compare a fingerprint of the whole database before and after each refused request, so
    // nothing else may write meanwhile: each runs alone, one after the other.
    { name: "endurecimiento", testMatch: /endurecimiento\.spec\.ts/, dependencies: ["principal"] },
    { name: "propiedades", testMatch: /propiedades\.spec\.ts/, dependencies: ["endurecimiento"] },
    // Against the third server, which keeps the default rate limits.
    { name: "limites", testMatch: /limites\.spec\.ts/, use: { baseURL: process.env.LIMITES_URL } },
    // Against the second server, whose Resend and Pusher are local stand-ins (scripts/test-e2e.ts).
    { name: "proveedores", testMatch: /proveedores\.spec\.ts/, use: { baseURL: process.env.PROVEEDORES_URL } },
    { name: "panel", testMatch: /panel-notificaciones\.spec\.ts/, dependencies: ["propiedades"] },
  ],
  use: {
    baseURL: process.env.BASE_URL ?? "http://localhost:3000",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "es-BO",
    timezoneId: "America/La_Paz",
    launchOptions: {
      // scripts/test-e2e.ts has already chosen one and set CHROMIUM_PATH; a direct `playwright test` looks for itself.
      executablePath: buscarNavegador()?.ruta,
      args: ARGUMENTOS_CHROMIUM,
    },
  },
});
