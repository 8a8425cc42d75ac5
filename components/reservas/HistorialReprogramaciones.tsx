// The client's view of a reservation's reschedules: who, when, from → to, why, money, and whether
// the client was told. Internal notes never reach this component (the lib leaves them out).
import { Badge } from "@/components/ui/badge";
import { formatearFechaHora } from "@/lib/formato/fecha";
import { formatearMonto } from "@/lib/formato/dinero";
import type { historialDeReserva } from "@/lib/reprogramacion/historial";

type Entrada = Awaited<ReturnType<typeof historialDeReserva>>[number];

const ROL: Record<string, string> = { CLIENTE: "Cliente", OPERADOR: "Soporte", ADMIN: "Administración" };

function quien(e: Entrada, actorId: number) {
  if (e.reprogramado_por.id === actorId) return "Usted";
  return `${e.reprogramado_por.first_name} ${e.reprogramado_por.last_name} (${ROL[e.reprogramado_por.rol] ?? e.reprogramado_por.rol})`;
}

export function HistorialReprogramaciones({ entradas, actorId, moneda }: { entradas: Entrada[]; actorId: number; moneda: string }) {
  if (entradas.length === 0) return <p className="text-sm text-slate-600">Esta reserva todavía no se reprogramó.</p>;
  return (
    <ol className="space-y-3" data-testid="historial">
      {[...entradas].reverse().map((e) => (
        <li key={e.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="entrada-historial">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium">{quien(e, actorId)} · {formatearFechaHora(e.fecha_reprogramacion!)}</p>
            {e.estado_notificacion.email_enviado ? <Badge tono="exito">Le avisamos por correo</Badge> : <Badge tono="aviso">Aviso por correo pendiente</Badge>}
          </div>
          <p className="mt-2">
            <span className="text-slate-600">De </span>
            <span data-testid="historial-anterior">{formatearFechaHora(e.fecha_anterior!)}</span>
            <span className="text-slate-600"> a </span>
            <span className="font-medium" data-testid="historial-nueva">{formatearFechaHora(e.fecha_nueva!)}</span>
          </p>
          <p className="mt-1"><span className="text-slate-600">Motivo: </span>{e.motivo}</p>
          {e.descuento_aplicado && (
            <p className="mt-1">
              <span className="text-slate-600">Descuento: </span>
              {e.descuento_aplicado.porcentaje}% ({formatearMonto(e.descuento_aplicado.monto!, moneda)})
            </p>
          )}
          {Number(e.costo_aplicado) > 0 && <p className="mt-1"><span className="text-slate-600">Costo: </span>{formatearMonto(e.costo_aplicado!, moneda)}</p>}
          {e.observaciones_cliente && <p className="mt-1"><span className="text-slate-600">Nota de la agencia: </span>{e.observaciones_cliente}</p>}
          {e.cupones.length > 0 && (
            <p className="mt-1"><span className="text-slate-600">Cupones: </span>{e.cupones.map((c) => `${c.codigo} (${formatearMonto(c.valor!, moneda)})`).join(", ")}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
