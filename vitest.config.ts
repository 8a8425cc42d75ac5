import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    // One database for the run, and a queue worker in one file picks up every job in it: files
    // run one after another so a test's deliveries are processed by that test's own set-up.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: process.env.VITEST_JSON_OUTPUT ?? "reports/vitest.json" }]],
  },
});
