import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EnlaceRechazado, PaginaCuenta } from "@/components/auth/PaginaCuenta";
import { Button } from "@/components/ui/button";
import { verEnlace } from "@/lib/cuenta/enlaces";
import { prisma } from "@/lib/db/client";
import { entrarConEnlaceAccion } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ingresar con enlace", referrer: "no-referrer" };

// Opening the link changes nothing (mail scanners open links): the session starts on the press.
export default async function AccesoConEnlacePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const visto = await verEnlace(prisma, token, "ACCESO");
  if (!visto.ok && visto.motivo === "DESCONOCIDO") notFound();
  if (!visto.ok)
    return <EnlaceRechazado titulo="Este enlace ya no funciona" detalle={visto.motivo === "USADO" ? "Este enlace de acceso ya se usó." : "Este enlace de acceso venció (dura 15 minutos)."} accion={{ href: "/acceso", texto: "Pedir un enlace nuevo" }} />;
  return (
    <PaginaCuenta titulo="Ingresar" subtitulo={<>Va a ingresar como <span className="break-all font-medium">{visto.enlace.usuario.email}</span>.</>}>
      <form action={entrarConEnlaceAccion.bind(null, token)}>
        <Button type="submit" className="w-full">Ingresar</Button>
      </form>
    </PaginaCuenta>
  );
}
