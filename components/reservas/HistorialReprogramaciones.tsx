// A reservation's history: reschedules (who, when, from → to, why, money) and a cancellation (with
// its refund), and whether the client was told.
// The client's view never holds internal notes (the lib leaves them out for clients); support's
// view adds them, with priority, category and every delivery of each reschedule.
import { Badge } from "@/components/ui/badge";
import { formatearFechaHora } from "@/lib/formato/fecha";
import { formatearMonto } from "@/lib/formato/dinero";
import type { EntregaVisible } from "@/lib/notificaciones/entregas-reserva";
import type { historialDeReserva } from "@/lib/reprogramacion/historial";
import { ListaEntregas } from "@/components/soporte/ListaEntregas";

type Entrada = Awaited<ReturnType<typeof historialDeReserva>>[number];

const ROL: Record<string, string> = { CLIENTE: "Cliente", OPERADOR: "Soporte", ADMIN: "Administración" };

function quien(e: Entrada, actorId: number) {
  if (e.reprogramado_por.id === actorId) return "Usted";
  return `${e.reprogramado_por.first_name} ${e.reprogramado_por.last_name} (${ROL[e.reprogramado_por.rol] ?? e.reprogramado_por.rol})`;
}

export function HistorialReprogramaciones({ entradas, actorId, moneda, entregas, zona }: {
  entradas: Entrada[];
  actorId: number;
  moneda: string;
  /** Support only: the deliveries of each reschedule, by history id. */
  entregas?: Map<number, EntregaVisible[]>;
  zona?: string;
}) {
  if (entradas.length === 0) return <p className="text-sm text-slate-600">Esta reserva todavía no se reprogramó.</p>;
  return (
    <ol className="space-y-3" data-testid="historial">
      {[...entradas].reverse().map((e) => (
        <li key={e.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="entrada-historial">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium">{quien(e, actorId)} · {formatearFechaHora(e.fecha_reprogramacion!)}</p>
            {!entregas && (e.estado_notificacion.email_enviado ? <Badge tono="exito">Le avisamos por correo</Badge> : <Badge tono="aviso">Aviso por correo pendiente</Badge>)}
            {"prioridad" in e && e.prioridad && <Badge tono={e.prioridad === "ALTA" ? "peligro" : "neutro"}>Prioridad {e.prioridad}</Badge>}
          </div>
          {e.accion === "CANCELACION" ? (
            <p className="mt-2" data-testid="historial-cancelacion">
              <Badge tono="peligro">Cancelación</Badge> <span className="text-slate-600">del viaje del </span>{formatearFechaHora(e.fecha_anterior!)}
              {e.reembolso && <span> · reembolso {formatearMonto(e.reembolso.monto, moneda)} ({e.reembolso.porcentaje} %)</span>}
            </p>
          ) : (
            <p className="mt-2">
              <span className="text-slate-600">De </span>
              <span data-testid="historial-anterior">{formatearFechaHora(e.fecha_anterior!)}</span>
              <span className="text-slate-600"> a </span>
              <span className="font-medium" data-testid="historial-nueva">{formatearFechaHora(e.fecha_nueva!)}</span>
            </p>
          )}
          <p className="mt-1"><span className="text-slate-600">Motivo: </span>{e.motivo}</p>
          {e.descuento_aplicado && (
            <p className="mt-1">
              <span className="text-slate-600">Descuento: </span>
              {e.descuento_aplicado.porcentaje}% ({formatearMonto(e.descuento_aplicado.monto!, moneda)})
            </p>
          )}
          {Number(e.costo_aplicado) > 0 && <p className="mt-1"><span className="text-slate-600">{e.accion === "CANCELACION" ? "Cargo por cancelar: " : "Costo del cambio: "}</span>{formatearMonto(e.costo_aplicado!, moneda)}</p>}
          {e.observaciones_cliente && <p className="mt-1"><span className="text-slate-600">Nota de la agencia: </span>{e.observaciones_cliente}</p>}
          {"observaciones_internas" in e && e.observaciones_internas && (
            <p className="mt-1 rounded bg-amber-50 px-2 py-1" data-testid="nota-interna"><span className="text-slate-700">Nota interna: </span>{e.observaciones_internas}</p>
          )}
          {"categoria" in e && e.categoria && <p className="mt-1"><span className="text-slate-600">Categoría: </span>{e.categoria}</p>}
          {e.cupones.length > 0 && (
            <p className="mt-1"><span className="text-slate-600">Cupones: </span>{e.cupones.map((c) => `${c.codigo} (${formatearMonto(c.valor!, moneda)})`).join(", ")}</p>
          )}
          {entregas && (
            <div className="mt-2 border-t border-slate-100 pt-2">
              <ListaEntregas entregas={entregas.get(e.id) ?? []} zona={zona!} />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
