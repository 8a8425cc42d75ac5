// The web manifest: the agency's own name on a phone's home screen.
import type { MetadataRoute } from "next";
import { prisma } from "@/lib/db/client";
import { obtenerConfiguracion } from "@/lib/reprogramacion/datos";

export const dynamic = "force-dynamic";

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const nombre = await obtenerConfiguracion(prisma)
    .then((c) => c.nombreAgencia)
    .catch(() => "Reprogramaciones");
  return {
    name: `${nombre} · Reprogramaciones`,
    short_name: nombre,
    description: "Reprogramación de reservas de viaje.",
    lang: "es-BO",
    start_url: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#1e40af",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/favicon.ico", sizes: "32x32", type: "image/x-icon" },
    ],
  };
}
