// Buttons and button-looking links: one look per intent, a busy state that says what is happening.
import Link from "next/link";
import type { ComponentProps } from "react";

export type Variante = "primario" | "secundario" | "peligro" | "fantasma";

const VARIANTES: Record<Variante, string> = {
  primario: "bg-blue-700 text-white hover:bg-blue-800 disabled:bg-blue-700/60",
  secundario: "bg-white text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50 disabled:text-slate-500",
  peligro: "bg-red-700 text-white hover:bg-red-800 disabled:bg-red-700/60",
  fantasma: "text-blue-800 hover:bg-blue-50 disabled:text-slate-500",
};

export function clasesBoton(variante: Variante = "primario", extra = "") {
  return `inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed ${VARIANTES[variante]} ${extra}`;
}

type BotonProps = ComponentProps<"button"> & { variante?: Variante; cargando?: boolean; textoCargando?: string };

export function Button({ variante = "primario", cargando = false, textoCargando, className = "", children, disabled, type = "button", ...props }: BotonProps) {
  return (
    <button type={type} disabled={disabled || cargando} aria-busy={cargando || undefined} className={clasesBoton(variante, className)} {...props}>
      {cargando && <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      {cargando && textoCargando ? textoCargando : children}
    </button>
  );
}

export function ButtonLink({ variante = "primario", className = "", ...props }: ComponentProps<typeof Link> & { variante?: Variante }) {
  return <Link className={clasesBoton(variante, className)} {...props} />;
}
