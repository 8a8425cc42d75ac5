"use client";
// The rules as an admin manages them: what each one does, which one decides, an on/off switch that
// answers at once (optimistic, undone with a toast if the server refuses), edit and delete.
import Link from "next/link";
import { startTransition, useOptimistic, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { formatearFechaCorta } from "@/lib/formato/fecha";
import type { Decision } from "@/lib/reglas/decision";
import type { ResultadoAccion } from "@/lib/http/accion";
import type { TipoRegla } from "@/lib/generated/prisma/enums";

export interface ReglaEnLista {
  id: number;
  nombre: string;
  tipo_regla: TipoRegla;
  aplicable_a: string;
  condiciones_extras: Record<string, unknown>;
  valor_numerico: number | null;
  valor_texto: string | null;
  activa: boolean;
  prioridad: number;
  fecha_inicio_vigencia: string | null;
  fecha_fin_vigencia: string | null;
  decision: Decision;
}

export const TIPOS: Record<TipoRegla, string> = {
  TIEMPO_MINIMO: "Tiempo mínimo",
  LIMITE_REPROGRAMACIONES: "Límite de reprogramaciones",
  DIA_BLACKOUT: "Días no permitidos",
  POLITICA_CANCELACION: "Política de cancelación",
  COSTO_REPROGRAMACION: "Costo de reprogramación",
  TRANSFERENCIA: "Transferencia a otra persona",
};
export const APLICABLE: Record<string, string> = { TODOS: "Todos", CLIENTE: "Clientes", OPERADOR: "Operadores", ADMIN: "Administradores" };

/** A policy's parameters in one line: "≥ 168 h 100 % · ≥ 72 h 70 % …". */
function resumenPolitica(r: ReglaEnLista) {
  const c = r.condiciones_extras;
  if (r.tipo_regla === "TRANSFERENCIA") return c.permitida === false ? "No se permite" : `Bs ${c.costo ?? "0.00"}, hasta ${c.hasta_horas ?? 0} h antes`;
  const tramos = Array.isArray(c.tramos) ? (c.tramos as { desde_horas: number; porcentaje?: number; monto?: string }[]) : [];
  const texto = [...tramos].sort((a, b) => b.desde_horas - a.desde_horas).map((t) => `≥ ${t.desde_horas} h: ${t.monto !== undefined ? `Bs ${t.monto}` : `${t.porcentaje} %`}`).join(" · ");
  return r.tipo_regla === "POLITICA_CANCELACION" && c.costo_fijo ? `${texto} · cargo Bs ${c.costo_fijo}` : texto;
}

function valor(r: ReglaEnLista) {
  if (r.tipo_regla === "POLITICA_CANCELACION" || r.tipo_regla === "COSTO_REPROGRAMACION" || r.tipo_regla === "TRANSFERENCIA") return resumenPolitica(r);
  if (r.tipo_regla === "TIEMPO_MINIMO") return `${r.valor_numerico} horas de anticipación`;
  if (r.tipo_regla === "LIMITE_REPROGRAMACIONES") return `Hasta ${r.valor_numerico} reprogramaciones`;
  return (r.valor_texto ?? "").split(",").join(", ");
}

export function ListaReglas({ reglas, zona, cambiarActiva, borrar }: {
  reglas: ReglaEnLista[];
  zona: string;
  cambiarActiva: (id: number, activa: boolean) => Promise<ResultadoAccion<unknown>>;
  borrar: (id: number) => Promise<ResultadoAccion<unknown>>;
}) {
  const [vistas, aplicar] = useOptimistic(reglas, (estado, cambio: { id: number; activa: boolean }) => estado.map((r) => (r.id === cambio.id ? { ...r, activa: cambio.activa } : r)));
  const [aBorrar, setABorrar] = useState<ReglaEnLista | null>(null);
  const [borrando, setBorrando] = useState(false);

  function alternar(r: ReglaEnLista) {
    startTransition(async () => {
      aplicar({ id: r.id, activa: !r.activa });
      const res = await cambiarActiva(r.id, !r.activa);
      if (res.ok) toast.success(`«${r.nombre}» ${r.activa ? "desactivada" : "activada"}`);
      else toast.error(`No se pudo cambiar «${r.nombre}»`, { description: res.detail });
    });
  }

  async function confirmarBorrado() {
    if (!aBorrar) return;
    setBorrando(true);
    const res = await borrar(aBorrar.id);
    setBorrando(false);
    if (res.ok) toast.success(`Regla «${aBorrar.nombre}» eliminada`);
    else toast.error("No se pudo eliminar la regla", { description: res.detail });
    setABorrar(null);
  }

  if (vistas.length === 0) return <Card><p>No hay reglas. Cree la primera con «Nueva regla».</p></Card>;
  return (
    <>
      <ul className="grid gap-3 lg:grid-cols-2">
        {vistas.map((r) => (
          <li key={r.id}>
            <Card className="flex h-full flex-col gap-2" data-testid={`regla-${r.id}`} aria-labelledby={`regla-${r.id}-nombre`}>
              <div className="flex items-start justify-between gap-3">
                <h2 id={`regla-${r.id}-nombre`} className="font-semibold">
                  <Link href={`/admin/reglas/${r.id}`} className="text-blue-800 underline underline-offset-2">{r.nombre}</Link>
                </h2>
                <div className="flex shrink-0 items-center gap-2 text-sm">
                  <span aria-hidden>{r.activa ? "Activa" : "Inactiva"}</span>
                  <button type="button" role="switch" aria-checked={r.activa} aria-label={`Regla ${r.nombre} activa`} onClick={() => alternar(r)}
                    className={`relative inline-flex h-7 w-12 items-center rounded-full transition-colors ${r.activa ? "bg-emerald-700" : "bg-slate-400"}`}>
                    <span aria-hidden className={`inline-block size-5 rounded-full bg-white transition-transform ${r.activa ? "translate-x-6" : "translate-x-1"}`} />
                  </button>
                </div>
              </div>
              <div className="flex flex-wrap gap-2">
                <Badge tono="info">{TIPOS[r.tipo_regla]}</Badge>
                <Badge>{APLICABLE[r.aplicable_a] ?? r.aplicable_a}</Badge>
                <Badge>Prioridad {r.prioridad}</Badge>
              </div>
              <p className="text-sm">{valor(r)}</p>
              <p className="text-sm text-slate-700">
                Vigencia: {r.fecha_inicio_vigencia ? formatearFechaCorta(r.fecha_inicio_vigencia, zona) : "siempre"} → {r.fecha_fin_vigencia ? formatearFechaCorta(r.fecha_fin_vigencia, zona) : "sin fin"}
              </p>
              <p className="text-sm" data-testid="decision">
                {r.decision.decidePara.length
                  ? <><Badge tono="exito">Decide esta: prioridad {r.prioridad}</Badge> <span className="text-slate-700">para {r.decision.decidePara.join(", ")}</span></>
                  : <span className="text-slate-700">No decide: {r.decision.razon ?? "no aplica"}</span>}
              </p>
              <div className="mt-auto flex gap-2 border-t border-slate-100 pt-2">
                <Link href={`/admin/reglas/${r.id}`} className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-blue-800 ring-1 ring-slate-300">Editar</Link>
                <Button variante="fantasma" className="text-red-800" onClick={() => setABorrar(r)}>Eliminar</Button>
              </div>
            </Card>
          </li>
        ))}
      </ul>
      <Dialog open={aBorrar !== null} onOpenChange={(o) => !o && setABorrar(null)} title="¿Eliminar la regla?"
        description={aBorrar ? `«${aBorrar.nombre}» dejará de aplicarse a las reprogramaciones. Esta acción no se puede deshacer.` : undefined}
        footer={
          <>
            <Button variante="secundario" onClick={() => setABorrar(null)}>Cancelar</Button>
            <Button variante="peligro" cargando={borrando} textoCargando="Eliminando…" onClick={confirmarBorrado}>Eliminar regla</Button>
          </>
        } />
    </>
  );
}
