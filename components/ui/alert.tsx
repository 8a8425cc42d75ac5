// A message box. Errors interrupt (role="alert"); everything else is announced politely.
import type { ReactNode } from "react";
import type { Tono } from "./badge";

const TONOS: Record<Tono, string> = {
  neutro: "bg-slate-50 text-slate-900 ring-slate-200",
  info: "bg-blue-50 text-blue-950 ring-blue-200",
  exito: "bg-emerald-50 text-emerald-950 ring-emerald-200",
  aviso: "bg-amber-50 text-amber-950 ring-amber-300",
  peligro: "bg-red-50 text-red-950 ring-red-200",
};

export function Alert({ tono = "info", title, children, id, tabIndex }: { tono?: Tono; title?: ReactNode; children?: ReactNode; id?: string; tabIndex?: number }) {
  return (
    <div id={id} tabIndex={tabIndex} role={tono === "peligro" ? "alert" : "status"} className={`rounded-md px-4 py-3 text-sm ring-1 ${TONOS[tono]}`}>
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={title ? "mt-1" : ""}>{children}</div>}
    </div>
  );
}
