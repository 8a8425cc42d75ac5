import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Datum } from "@/components/ui/datum";
import { Card } from "@/components/ui/card";
import { RefrescoAutomatico } from "@/components/ui/refresco-automatico";
import { actorDePagina, oPagina404 } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { formatearFechaHora } from "@/lib/formato/fecha";
import { formatearMonto } from "@/lib/formato/dinero";
import { confirmacionDeReprogramacion } from "@/lib/reprogramacion/confirmacion";

export const metadata = { title: "Reserva reprogramada" };

const CORREO = {
  EN_COLA: { tono: "info", texto: (d: string) => `Estamos enviando la confirmación a ${d}. Le llegará en unos instantes.` },
  ENVIADO: { tono: "exito", texto: (d: string) => `Le enviamos la confirmación por correo a ${d}.` },
  FALLIDO: { tono: "aviso", texto: (d: string) => `No pudimos enviar el correo a ${d}. Su reserva ya está reprogramada; soporte fue avisado.` },
  SIN_AVISO: { tono: "neutro", texto: () => "Esta reprogramación no envía correo." },
} as const;

export default async function ReprogramacionListaPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ historial?: string }> }) {
  const { id } = await params;
  const { historial } = await searchParams;
  const actor = await actorDePagina(["CLIENTE"], `/reservas/${id}`);
  if (!/^\d{1,9}$/.test(id) || !/^\d{1,9}$/.test(historial ?? "")) notFound();
  const datos = await oPagina404(confirmacionDeReprogramacion(prisma, actor, Number(id), Number(historial)));
  const correo = CORREO[datos.correo.estado];
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">¡Listo! Su reserva fue reprogramada</h1>
      <Card aria-label="Cambio realizado">
        <p className="text-lg font-medium">{datos.reserva.destino}</p>
        <dl className="mt-3 space-y-3 text-sm">
          <Datum label="Fecha anterior" testId="fecha-anterior" className="text-slate-800 line-through decoration-slate-400">{formatearFechaHora(datos.fechaAnterior)}</Datum>
          <Datum label="Nueva fecha" testId="fecha-nueva" className="text-base font-semibold">{formatearFechaHora(datos.fechaNueva)}</Datum>
          <Datum label="Total" testId="total-nuevo">
            {formatearMonto(datos.totalNuevo, datos.reserva.moneda)}
            {Number(datos.costo) > 0 && <span className="text-slate-600"> (incluye {formatearMonto(datos.costo, datos.reserva.moneda)} de reprogramación)</span>}
          </Datum>
        </dl>
      </Card>
      <div data-testid="estado-correo" data-estado={datos.correo.estado}>
        <Alert tono={correo.tono}>{correo.texto(datos.correo.destinatario)}</Alert>
      </div>
      {/* Up to a minute: long enough for a queued email, not forever on a forgotten tab. */}
      <RefrescoAutomatico activo={datos.correo.estado === "EN_COLA"} vueltas={30} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <ButtonLink href={`/reservas/${datos.reserva.id}`}>Ver la reserva</ButtonLink>
        <ButtonLink href="/reservas" variante="secundario">Mis reservas</ButtonLink>
      </div>
    </div>
  );
}
