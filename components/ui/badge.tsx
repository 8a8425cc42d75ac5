// Small status labels. Colours are paired with text, never the only signal.
import type { ReactNode } from "react";

export type Tono = "neutro" | "info" | "exito" | "aviso" | "peligro";

const TONOS: Record<Tono, string> = {
  neutro: "bg-slate-100 text-slate-800 ring-slate-300",
  info: "bg-blue-50 text-blue-900 ring-blue-200",
  exito: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  aviso: "bg-amber-50 text-amber-900 ring-amber-300",
  peligro: "bg-red-50 text-red-900 ring-red-200",
};

export function Badge({ tono = "neutro", children, className = "" }: { tono?: Tono; children: ReactNode; className?: string }) {
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONOS[tono]} ${className}`}>{children}</span>;
}
