import type { Reprogramabilidad } from "@/lib/reprogramacion/reprogramable";

/** "1 de 3", or just the count when no limit applies to this person. */
export function textoReprogramaciones(v: Pick<Reprogramabilidad, "usadas" | "limite">) {
  return v.limite === null ? String(v.usadas) : `${v.usadas} de ${v.limite}`;
}
