import Link from "next/link";
import { CancelarReserva } from "@/components/reservas/CancelarReserva";
import { cotizacionDeCancelacion } from "@/lib/cancelacion/cancelar";
import { TransferirReserva } from "@/components/reservas/TransferirReserva";
import { condicionesDeTransferencia } from "@/lib/transferencia/transferir";
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
  const [historial, verdictos, { entradas: esperas }, cancelacion, reembolso, transferencia] = await Promise.all([
    historialDeReserva(prisma, actor, reserva.id),
    reprogramabilidades(prisma, actor, [reserva]),
    esperasDeReserva(prisma, actor, reserva.id),
    cotizacionDeCancelacion(prisma, actor, reserva.id),
    prisma.reembolso.findUnique({ where: { reservaId: reserva.id } }),
    condicionesDeTransferencia(prisma, actor, reserva.id),
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

      {!reembolso && (
        <Card aria-labelledby="titulo-transferir">
          <CardHeader title="Transferir a otra persona" titleId="titulo-transferir" />
          <TransferirReserva reservaId={reserva.id} condiciones={transferencia} moneda={reserva.moneda} zona={zonaAgencia()} esCliente={true} transferir={transferirAccion} />
        </Card>
      )}

      <Card aria-labelledby="titulo-cancelar">
        <CardHeader title={reembolso ? "Cancelación" : "Cancelar la reserva"} titleId="titulo-cancelar" />
        {reembolso ? (
          <p className="text-sm" data-testid="reembolso">
            Reserva cancelada. Reembolso de <strong>{formatearMonto(reembolso.monto, reembolso.moneda)}</strong> ({reembolso.porcentaje.toString()} %): {reembolso.estado === "PAGADO" ? "pagado" : "pendiente de pago por la agencia"}.
          </p>
        ) : (
          <CancelarReserva reservaId={reserva.id} inicial={cancelacion} zona={zonaAgencia()} ajustable={false} cotizar={cotizarCancelacionAccion} cancelar={cancelarAccion} />
        )}
      </Card>

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
