// A reservation's ways out, on the client's page and support's: transfer to another person and
// cancel (or, once cancelled, its refund). Support cancels on the client's behalf; an admin may
// adjust the refund.
import { Card, CardHeader } from "@/components/ui/card";
import { formatearMonto } from "@/lib/formato/dinero";
import type { ResultadoAccion } from "@/lib/http/accion";
import type { SalidasReserva as Salidas } from "@/lib/reservas/salidas";
import { CancelarReserva, type AccionesCancelacion } from "./CancelarReserva";
import { TransferirReserva } from "./TransferirReserva";

export function SalidasReserva({ reservaId, moneda, zona, salidas, esCliente, ajustable, cotizar, cancelar, transferir }: AccionesCancelacion & {
  reservaId: number;
  moneda: string;
  zona: string;
  salidas: Salidas;
  esCliente: boolean;
  ajustable: boolean;
  transferir: (reservaId: string, cuerpo: unknown) => Promise<ResultadoAccion<unknown>>;
}) {
  const { cancelacion, transferencia, reembolso } = salidas;
  return (
    <>
      {!reembolso && (
        <Card aria-labelledby="titulo-transferir">
          <CardHeader title="Transferir a otra persona" titleId="titulo-transferir" />
          <TransferirReserva reservaId={reservaId} condiciones={transferencia} moneda={moneda} zona={zona} esCliente={esCliente} transferir={transferir} />
        </Card>
      )}
      <Card aria-labelledby="titulo-cancelar">
        <CardHeader title={reembolso ? "Cancelación" : esCliente ? "Cancelar la reserva" : "Cancelar en nombre del cliente"} titleId="titulo-cancelar" />
        {reembolso ? (
          <p className="text-sm" data-testid="reembolso">
            Reserva cancelada. Reembolso de <strong>{formatearMonto(reembolso.monto, reembolso.moneda)}</strong> ({reembolso.porcentaje} %): {reembolso.pagado ? "pagado" : esCliente ? "pendiente de pago por la agencia" : "pendiente de pago"}.
          </p>
        ) : (
          <CancelarReserva reservaId={reservaId} inicial={cancelacion} zona={zona} ajustable={ajustable} cotizar={cotizar} cancelar={cancelar} />
        )}
      </Card>
    </>
  );
}
