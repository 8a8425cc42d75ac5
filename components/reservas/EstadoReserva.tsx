// A reservation's state as a labelled badge, the same everywhere.
import { Badge, type Tono } from "@/components/ui/badge";

export const ESTADOS: Record<string, { texto: string; tono: Tono }> = {
  PENDIENTE: { texto: "Pendiente", tono: "aviso" },
  CONFIRMADA: { texto: "Confirmada", tono: "exito" },
  REPROGRAMADA: { texto: "Reprogramada", tono: "info" },
  CANCELADA: { texto: "Cancelada", tono: "peligro" },
  COMPLETADA: { texto: "Completada", tono: "neutro" },
};

export function EstadoReserva({ estado }: { estado: string }) {
  const e = ESTADOS[estado] ?? { texto: estado, tono: "neutro" as const };
  return <Badge tono={e.tono}>{e.texto}</Badge>;
}
