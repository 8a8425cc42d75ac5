// The deliveries of one reschedule: where each notification went and how it stands.
import { NOMBRE_CANAL } from "@/components/notificaciones/canales";
import { Badge, type Tono } from "@/components/ui/badge";
import { formatearFechaCorta } from "@/lib/formato/fecha";
import { mostrarTelefono } from "@/lib/telefono";
import type { EntregaVisible } from "@/lib/notificaciones/entregas-reserva";

const ESTADO: Record<string, { texto: string; tono: Tono }> = {
  PENDIENTE: { texto: "En cola", tono: "info" },
  REINTENTANDO: { texto: "Reintentando", tono: "aviso" },
  ENVIADA: { texto: "Enviada", tono: "exito" },
  FALLIDA: { texto: "Fallida", tono: "peligro" },
};
// What Twilio reported after accepting an SMS. A message that never reached the phone must not look
// like a success: its badge says so.
const INFORME: Record<string, { texto: string; insignia?: { texto: string; tono: Tono } }> = {
  sent: { texto: "salió hacia el teléfono" },
  delivered: { texto: "entregado al teléfono", insignia: { texto: "Entregado", tono: "exito" } },
  undelivered: { texto: "no llegó al teléfono", insignia: { texto: "No llegó", tono: "peligro" } },
  failed: { texto: "Twilio no pudo enviarlo", insignia: { texto: "No llegó", tono: "peligro" } },
  canceled: { texto: "cancelado en Twilio", insignia: { texto: "Cancelado", tono: "aviso" } },
};

export function ListaEntregas({ entregas, zona }: { entregas: EntregaVisible[]; zona: string }) {
  if (entregas.length === 0) return <p className="text-sm text-slate-600">Sin notificaciones registradas.</p>;
  return (
    <ul className="space-y-1 text-sm" aria-label="Notificaciones enviadas">
      {entregas.map((e) => {
        const informe = e.estado_proveedor ? INFORME[e.estado_proveedor] : undefined;
        const insignia = informe?.insignia ?? ESTADO[e.estado] ?? { texto: e.estado, tono: "neutro" as const };
        return (
          <li key={e.id} className="flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="entrega" data-canal={e.canal} data-estado={e.estado} data-destinatario={e.destinatario} data-informe={e.estado_proveedor ?? undefined}>
            <Badge tono={insignia.tono}>{insignia.texto}</Badge>
            <span>{NOMBRE_CANAL[e.canal]} a <span className="break-all">{e.canal === "SMS" ? mostrarTelefono(e.destinatario) : e.destinatario}</span></span>
            <span className="text-slate-600">
              · {e.intentos} {e.intentos === 1 ? "intento" : "intentos"}
              {e.error_tipo && ` · último error: ${e.error_tipo}`}
              {e.enviada_at && ` · enviada ${formatearFechaCorta(e.enviada_at, zona)}`}
              {informe && ` · ${informe.texto}${e.codigo_proveedor ? ` (código ${e.codigo_proveedor})` : ""}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
