import Link from "next/link";
import { SalidasReserva } from "@/components/reservas/SalidasReserva";
import { salidasDeReserva } from "@/lib/reservas/salidas";
import { EstadoReserva } from "@/components/reservas/EstadoReserva";
import { HistorialReprogramaciones } from "@/components/reservas/HistorialReprogramaciones";
import { textoReprogramaciones } from "@/components/reservas/texto";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Datum } from "@/components/ui/datum";
import { Card, CardHeader } from "@/components/ui/card";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { formatearFechaHora } from "@/lib/formato/fecha";
import { formatearMonto } from "@/lib/formato/dinero";
import { historialDeReserva } from "@/lib/reprogramacion/historial";
import { reprogramabilidades } from "@/lib/reprogramacion/reprogramable";
import { reservaDePagina } from "@/lib/reservas/pagina";
import { EsperasReserva } from "@/components/reservas/EsperasReserva";
import { zonaAgencia } from "@/lib/formato/fecha";
import { esperasDeReserva } from "@/lib/lista-espera/entradas";
import { aceptarOfertaAccion, cancelarAccion, cotizarCancelacionAccion, salirListaEsperaAccion, transferirAccion } from "./actions";

export const metadata = { title: "Detalle de la reserva" };

export default async function DetalleReservaPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await actorDePagina(["CLIENTE"], `/reservas/${id}`);
  const reserva = await reservaDePagina(prisma, actor, id);
  const [historial, verdictos, { entradas: esperas }, salidas] = await Promise.all([
    historialDeReserva(prisma, actor, reserva.id),
    reprogramabilidades(prisma, actor, [reserva]),
    esperasDeReserva(prisma, actor, reserva.id),
    salidasDeReserva(prisma, actor, reserva.id),
  ]);
  const verdicto = verdictos.get(reserva.id)!;
  return (
    <div className="space-y-4">
      <nav aria-label="Ruta"><Link href="/reservas" className="text-sm text-blue-800 hover:underline">← Mis reservas</Link></nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{reserva.destino}</h1>
        <EstadoReserva estado={reserva.estado} />
      </div>

      <Card aria-labelledby="titulo-resumen">
        <CardHeader title="Resumen" titleId="titulo-resumen" />
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <Datum label="Fecha actual" testId="fecha-actual">{formatearFechaHora(reserva.fechaInicio)}</Datum>
          <Datum label="Fecha original">{formatearFechaHora(reserva.fechaOriginal ?? reserva.fechaInicio)}</Datum>
          <Datum label="Reprogramaciones usadas">
            {textoReprogramaciones(verdicto)}
            {verdicto.restantes !== null && <span className="text-slate-600"> · le quedan {verdicto.restantes}</span>}
          </Datum>
          <Datum label="Total" className="text-base font-semibold">{formatearMonto(reserva.total, reserva.moneda)}</Datum>
        </dl>
        <div className="mt-4 border-t border-slate-100 pt-4">
          {verdicto.puede ? (
            <ButtonLink href={`/reservas/${reserva.id}/reprogramar`}>Reprogramar</ButtonLink>
          ) : (
            <Alert tono="aviso" title="No se puede reprogramar">{verdicto.motivo}. Si lo necesita, escriba a soporte.</Alert>
          )}
        </div>
      </Card>

      <SalidasReserva reservaId={reserva.id} moneda={reserva.moneda} zona={zonaAgencia()} salidas={salidas} esCliente ajustable={false} cotizar={cotizarCancelacionAccion} cancelar={cancelarAccion} transferir={transferirAccion} />

      {esperas.length > 0 && (
        <Card aria-labelledby="titulo-esperas">
          <CardHeader title="Lista de espera" titleId="titulo-esperas" />
          <EsperasReserva reservaId={reserva.id} entradas={esperas} zona={zonaAgencia()} aceptar={aceptarOfertaAccion} salir={salirListaEsperaAccion} />
        </Card>
      )}

      <Card aria-labelledby="titulo-servicios">
        <CardHeader title="Servicios" titleId="titulo-servicios" />
        <ul className="divide-y divide-slate-100 text-sm">
          {reserva.servicios.map((s) => (
            <li key={s.id} className="flex justify-between gap-4 py-2">
              <span>{s.descripcion}</span>
              <span className="whitespace-nowrap font-medium">{formatearMonto(s.precio, reserva.moneda)}</span>
            </li>
          ))}
        </ul>
      </Card>

      <Card aria-labelledby="titulo-historial">
        <CardHeader title="Historial de reprogramaciones" titleId="titulo-historial" />
        <HistorialReprogramaciones entradas={historial} actorId={actor.id} moneda={reserva.moneda} />
      </Card>
    </div>
  );
}
