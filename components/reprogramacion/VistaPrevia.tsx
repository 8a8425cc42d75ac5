"use client";
// The live verdict for the chosen date (GET .../puede-reprogramar/?nueva_fecha=): every rule with its
// result and the contract's messages, and, for a blocked date, nearby dates as one-click choices.
import { Alert } from "@/components/ui/alert";
import { formatearMonto } from "@/lib/formato/dinero";
import type { Sugerencia } from "@/lib/reprogramacion/formulario";
import type { verificarReprogramacion } from "@/lib/reprogramacion/verificar";
import { BotonesSugerencias } from "./BotonesSugerencias";

export type Verificacion = Awaited<ReturnType<typeof verificarReprogramacion>> & {
  sugerencias_fechas?: Sugerencia[];
  fechas_alternativas?: Sugerencia[];
};

export type EstadoVistaPrevia =
  | { tipo: "vacia" }
  | { tipo: "cargando" }
  | { tipo: "error"; para: string; mensaje: string }
  | { tipo: "lista"; para: string; datos: Verificacion };

export function VistaPrevia({ estado, moneda, zona, onElegir }: { estado: EstadoVistaPrevia; moneda: string; zona: string; onElegir: (fechaIso: string) => void }) {
  if (estado.tipo === "vacia") return <p className="text-sm text-slate-600">Elija un día en el calendario para ver si puede reprogramar a esa fecha.</p>;
  if (estado.tipo === "cargando") return <p className="text-sm text-slate-600" aria-busy="true">Verificando las reglas para esa fecha…</p>;
  if (estado.tipo === "error") return <Alert tono="aviso">{estado.mensaje}</Alert>;
  const d = estado.datos;
  const violadas = new Map((d.reglas_violadas ?? []).map((v) => [v.id, v]));
  const sugerencias = d.sugerencias_fechas ?? d.fechas_alternativas ?? [];
  return (
    <div className="space-y-3" data-testid="vista-previa">
      {d.puede_reprogramar ? (
        <Alert tono="exito" title="Puede reprogramar a esta fecha">{d.razon}</Alert>
      ) : (
        <Alert tono="aviso" title="No puede reprogramar a esta fecha">
          <ul className="list-disc pl-5">
            {(d.motivos ?? [d.razon]).map((m) => <li key={m}>{m}</li>)}
          </ul>
        </Alert>
      )}
      <ul className="space-y-2 text-sm" aria-label="Reglas evaluadas">
        {d.reglas_evaluadas.map((r) => (
          <li key={r.id} className="flex gap-2" data-testid={`regla-${r.tipo_regla}`} data-cumple={String(r.cumple)}>
            <span aria-hidden className={r.cumple ? "text-emerald-700" : "text-red-700"}>{r.cumple ? "✓" : "✗"}</span>
            <span>
              <span className="font-medium">{r.nombre}</span>
              <span className="sr-only">{r.cumple ? ": cumple" : ": no cumple"}</span>
              <span className="block text-slate-700">{r.detalle}</span>
              {violadas.get(r.id) && <span className="block text-red-800">{violadas.get(r.id)!.mensaje_error}</span>}
            </span>
          </li>
        ))}
      </ul>
      {d.disponibilidad && d.disponibilidad.espacios_libres > 0 && (
        <p className="text-sm text-slate-700">Lugares libres ese día: {d.disponibilidad.espacios_libres} de {d.disponibilidad.capacidad_maxima}.</p>
      )}
      {d.puede_reprogramar && (
        <p className="text-sm text-slate-700">
          Costo de reprogramar: {formatearMonto(d.costos_estimados.costo_reprogramacion, moneda)} · Total estimado: {formatearMonto(d.costos_estimados.total_estimado, moneda)}
        </p>
      )}
      {!d.puede_reprogramar && sugerencias.length > 0 && <BotonesSugerencias sugerencias={sugerencias} zona={zona} onElegir={onElegir} />}
    </div>
  );
}
