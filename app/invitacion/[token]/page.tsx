import type { Metadata } from "next";
import { PaginaEnlaceContrasena } from "@/components/auth/PaginaEnlaceContrasena";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitación", referrer: "no-referrer" };

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  return <PaginaEnlaceContrasena token={(await params).token} proposito="INVITACION" />;
}
