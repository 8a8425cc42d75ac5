// One of the client's reservations: where, when (agency zone), state, reschedules used, total, and
// the "Reprogramar" action only when it can be used; otherwise the reason instead.
import Link from "next/link";
import { Button, ButtonLink } from "@/components/ui/button";
import { Datum } from "@/components/ui/datum";
import { Card } from "@/components/ui/card";
import { formatearFechaHora } from "@/lib/formato/fecha";
import { formatearMonto } from "@/lib/formato/dinero";
import type { Reprogramabilidad } from "@/lib/reprogramacion/reprogramable";
import type { ReservaSerializada } from "@/lib/reservas/serializar";
import { EstadoReserva } from "./EstadoReserva";
import { textoReprogramaciones } from "./texto";

export function TarjetaReserva({ reserva, verdicto }: { reserva: ReservaSerializada; verdicto: Reprogramabilidad }) {
  const titulo = `reserva-${reserva.id}-titulo`;
  const motivo = `reserva-${reserva.id}-motivo`;
  return (
    <Card aria-labelledby={titulo} data-testid={`reserva-${reserva.id}`} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={titulo} className="text-lg font-semibold">
          <Link href={`/reservas/${reserva.id}`} className="text-blue-800 hover:underline">{reserva.destino}</Link>
        </h2>
        <EstadoReserva estado={reserva.estado} />
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <Datum label="Fecha" testId="fecha-reserva">{formatearFechaHora(reserva.fecha_inicio!)}</Datum>
        <Datum label="Total">{formatearMonto(reserva.total!, reserva.moneda)}</Datum>
        <Datum label="Reprogramaciones" testId="reprogramaciones-usadas">{textoReprogramaciones(verdicto)}</Datum>
        <Datum label="Reserva">#{reserva.id} · {reserva.servicios.length} {reserva.servicios.length === 1 ? "servicio" : "servicios"}</Datum>
      </dl>
      <div className="flex flex-col gap-2 border-t border-slate-100 pt-3 sm:flex-row sm:items-center">
        {verdicto.puede ? (
          <ButtonLink href={`/reservas/${reserva.id}/reprogramar`}>Reprogramar</ButtonLink>
        ) : (
          <>
            <Button variante="secundario" disabled aria-describedby={motivo}>Reprogramar</Button>
            <p id={motivo} className="text-sm text-slate-700" data-testid="motivo-no-reprogramable">{verdicto.motivo}</p>
          </>
        )}
        <ButtonLink href={`/reservas/${reserva.id}`} variante="secundario" className="sm:ml-auto">Ver detalle</ButtonLink>
      </div>
    </Card>
  );
}
