"use client";
// The parameters of a policy rule as structured inputs: refund or fee tiers by notice (rows added
// and removed, each "from N hours before the start"), a fixed cancellation fee, or the transfer's
// permission, fee and deadline. Controlled by FormularioRegla; the server validates the same shape
// (no two tiers with the same hours, 0–100 %), and its errors land on the row's inputs.
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Casilla, Input, Select } from "@/components/ui/input";

export type TipoPolitica = "POLITICA_CANCELACION" | "COSTO_REPROGRAMACION" | "TRANSFERENCIA";
export const TIPOS_POLITICA: TipoPolitica[] = ["POLITICA_CANCELACION", "COSTO_REPROGRAMACION", "TRANSFERENCIA"];

export interface Tramo {
  desde_horas: string;
  valor: string;
  /** Change fee tiers: an amount or a percentage of the total; refund tiers are always a percentage. */
  modo: "porcentaje" | "monto";
}

export interface EstadoPolitica {
  tramos: Tramo[];
  costo_fijo: string;
  permitida: boolean;
  costo: string;
  hasta_horas: string;
}

export function estadoInicialPolitica(tipo: string, c: Record<string, unknown>): EstadoPolitica {
  const tramos = Array.isArray(c.tramos)
    ? (c.tramos as Record<string, unknown>[]).map((t) => ({
        desde_horas: String(t.desde_horas ?? ""),
        valor: String(t.porcentaje ?? t.monto ?? ""),
        modo: (t.monto !== undefined ? "monto" : "porcentaje") as Tramo["modo"],
      }))
    : tipo === "COSTO_REPROGRAMACION"
      ? [{ desde_horas: "72", valor: "0.00", modo: "monto" as const }, { desde_horas: "0", valor: "50.00", modo: "monto" as const }]
      : [{ desde_horas: "168", valor: "100", modo: "porcentaje" as const }, { desde_horas: "72", valor: "70", modo: "porcentaje" as const }, { desde_horas: "24", valor: "50", modo: "porcentaje" as const }, { desde_horas: "0", valor: "0", modo: "porcentaje" as const }];
  return {
    tramos,
    costo_fijo: typeof c.costo_fijo === "string" ? c.costo_fijo : "",
    permitida: c.permitida !== false,
    costo: typeof c.costo === "string" ? c.costo : "25.00",
    hasta_horas: c.hasta_horas !== undefined ? String(c.hasta_horas) : "168",
  };
}

const numero = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : v);

/** The condiciones_extras a policy adds (the applicability conditions are the form's own). */
export function condicionesDePolitica(tipo: TipoPolitica, p: EstadoPolitica): Record<string, unknown> {
  if (tipo === "TRANSFERENCIA") return { permitida: p.permitida, costo: p.costo.trim() || "0.00", hasta_horas: numero(p.hasta_horas) };
  const tramos = p.tramos.map((t) =>
    tipo === "COSTO_REPROGRAMACION" && t.modo === "monto" ? { desde_horas: numero(t.desde_horas), monto: t.valor.trim() } : { desde_horas: numero(t.desde_horas), porcentaje: numero(t.valor) },
  );
  return tipo === "POLITICA_CANCELACION" ? { tramos, ...(p.costo_fijo.trim() ? { costo_fijo: p.costo_fijo.trim() } : {}) } : { tramos };
}

export const CLAVES_POLITICA = ["tramos", "costo_fijo", "permitida", "costo", "hasta_horas"];

export function EditorPolitica({ tipo, valor, cambiar, errores }: { tipo: TipoPolitica; valor: EstadoPolitica; cambiar: (v: EstadoPolitica) => void; errores: Record<string, string> }) {
  const e = (k: string) => errores[k] || undefined;
  if (tipo === "TRANSFERENCIA")
    return (
      <div className="grid gap-4 sm:grid-cols-3">
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <Casilla checked={valor.permitida} onChange={(x) => cambiar({ ...valor, permitida: x.target.checked })} /> Se permite transferir
        </label>
        <Field id="costo" label="Costo de la transferencia (Bs)" error={e("costo")}>{(p) => <Input {...p} inputMode="decimal" value={valor.costo} onChange={(x) => cambiar({ ...valor, costo: x.target.value })} />}</Field>
        <Field id="hasta_horas" label="Hasta cuántas horas antes del inicio" error={e("hasta_horas")}>{(p) => <Input {...p} inputMode="numeric" value={valor.hasta_horas} onChange={(x) => cambiar({ ...valor, hasta_horas: x.target.value })} />}</Field>
      </div>
    );
  const cancelacion = tipo === "POLITICA_CANCELACION";
  const fijar = (i: number, cambio: Partial<Tramo>) => cambiar({ ...valor, tramos: valor.tramos.map((t, j) => (j === i ? { ...t, ...cambio } : t)) });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        {cancelacion ? "Reembolso según la anticipación con que se cancela" : "Costo según la anticipación con que se reprograma"}: cada tramo rige desde las horas indicadas antes del inicio hasta el tramo siguiente.
        {cancelacion ? " Con menos anticipación que el último tramo, no hay reembolso." : " Con menos anticipación que el último tramo, no hay costo."}
      </p>
      {e("tramos") && <p className="text-sm font-medium text-red-800" id="tramos-error">{e("tramos")}</p>}
      <ol className="space-y-3" aria-label="Tramos">
        {valor.tramos.map((t, i) => (
          <li key={i} className="grid items-end gap-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200 sm:grid-cols-[1fr_1fr_1fr_auto]">
            <Field id={`tramos.${i}.desde_horas`} label={`Tramo ${i + 1}: desde (horas antes)`} error={e(`tramos.${i}.desde_horas`)}>
              {(p) => <Input {...p} inputMode="numeric" value={t.desde_horas} onChange={(x) => fijar(i, { desde_horas: x.target.value })} />}
            </Field>
            {!cancelacion && (
              <Field id={`tramos.${i}.modo`} label="Cobro">
                {(p) => (
                  <Select {...p} value={t.modo} onChange={(x) => fijar(i, { modo: x.target.value as Tramo["modo"] })}>
                    <option value="monto">Monto fijo (Bs)</option>
                    <option value="porcentaje">% del total</option>
                  </Select>
                )}
              </Field>
            )}
            <Field id={`tramos.${i}.valor`} label={cancelacion ? "Reembolso (%)" : t.modo === "monto" ? "Monto (Bs)" : "Porcentaje (%)"} error={e(`tramos.${i}.porcentaje`) ?? e(`tramos.${i}.monto`)}>
              {(p) => <Input {...p} inputMode="decimal" value={t.valor} onChange={(x) => fijar(i, { valor: x.target.value })} />}
            </Field>
            {cancelacion && <span aria-hidden className="hidden sm:block" />}
            <Button variante="fantasma" onClick={() => cambiar({ ...valor, tramos: valor.tramos.filter((_, j) => j !== i) })} disabled={valor.tramos.length === 1} aria-label={`Quitar el tramo ${i + 1}`}>Quitar</Button>
          </li>
        ))}
      </ol>
      <Button variante="secundario" onClick={() => cambiar({ ...valor, tramos: [...valor.tramos, { desde_horas: "", valor: "", modo: cancelacion ? "porcentaje" : "monto" }] })} disabled={valor.tramos.length >= 10}>Agregar tramo</Button>
      {cancelacion && (
        <Field id="costo_fijo" label="Cargo fijo por cancelar (Bs, opcional)" hint="Se descuenta del reembolso." error={e("costo_fijo")}>
          {(p) => <Input {...p} inputMode="decimal" value={valor.costo_fijo} onChange={(x) => cambiar({ ...valor, costo_fijo: x.target.value })} className="max-w-52" />}
        </Field>
      )}
    </div>
  );
}
