// The deliveries of one reschedule: where each notification went and how it stands.
import { NOMBRE_CANAL } from "@/components/notificaciones/canales";
import { Badge, type Tono } from "@/components/ui/badge";
import { formatearFechaCorta } from "@/lib/formato/fecha";
import type { EntregaVisible } from "@/lib/notificaciones/entregas-reserva";

const ESTADO: Record<string, { texto: string; tono: Tono }> = {
  PENDIENTE: { texto: "En cola", tono: "info" },
  REINTENTANDO: { texto: "Reintentando", tono: "aviso" },
  ENVIADA: { texto: "Enviada", tono: "exito" },
  FALLIDA: { texto: "Fallida", tono: "peligro" },
};

export function ListaEntregas({ entregas, zona }: { entregas: EntregaVisible[]; zona: string }) {
  if (entregas.length === 0) return <p className="text-sm text-slate-600">Sin notificaciones registradas.</p>;
  return (
    <ul className="space-y-1 text-sm" aria-label="Notificaciones enviadas">
      {entregas.map((e) => (
        <li key={e.id} className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="entrega" data-canal={e.canal} data-estado={e.estado} data-destinatario={e.destinatario}>
          <Badge tono={ESTADO[e.estado]?.tono ?? "neutro"}>{ESTADO[e.estado]?.texto ?? e.estado}</Badge>
          <span>{NOMBRE_CANAL[e.canal]} a <span className="break-all">{e.destinatario}</span></span>
          <span className="text-slate-600">
            · {e.intentos} {e.intentos === 1 ? "intento" : "intentos"}
            {e.error_tipo && ` · último error: ${e.error_tipo}`}
            {e.enviada_at && ` · enviada ${formatearFechaCorta(e.enviada_at, zona)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
