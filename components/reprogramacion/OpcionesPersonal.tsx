"use client";
// Support's extra fields on the reschedule form: discount with a live preview (the server's own
// Decimal function), priority, internal notes, whether to notify the client; admins also bypass
// rules with a reason and grant coupons. Values only: validation lives with the form.
import { Field } from "@/components/ui/field";
import { Casilla, Input, Select, Textarea } from "@/components/ui/input";
import { formatearMonto } from "@/lib/formato/dinero";
import { calcularDescuento } from "@/lib/reprogramacion/descuento";

export const TIPOS_REGLA = [
  { valor: "TIEMPO_MINIMO", texto: "Tiempo mínimo de anticipación" },
  { valor: "LIMITE_REPROGRAMACIONES", texto: "Límite de reprogramaciones" },
  { valor: "DIA_BLACKOUT", texto: "Días no permitidos (fines de semana y feriados)" },
] as const;
type TipoRegla = (typeof TIPOS_REGLA)[number]["valor"];

export interface ValoresPersonal {
  aplicar_descuento: boolean;
  porcentaje_descuento: string;
  prioridad: "" | "BAJA" | "MEDIA" | "ALTA";
  observaciones_internas: string;
  notificar_cliente: boolean;
  bypass_reglas: TipoRegla[];
  razon_bypass: string;
  cupones: string;
  valor_cupon: string;
  descripcion_cupon: string;
  categoria_reprogramacion: string;
  observaciones_cliente: string;
}

export const VALORES_PERSONAL: ValoresPersonal = {
  aplicar_descuento: false,
  porcentaje_descuento: "",
  prioridad: "",
  observaciones_internas: "",
  notificar_cliente: true,
  bypass_reglas: [],
  razon_bypass: "",
  cupones: "1",
  valor_cupon: "",
  descripcion_cupon: "",
  categoria_reprogramacion: "",
  observaciones_cliente: "",
};

/** The discount preview, or null while the percentage is not a number between 0 and 100. */
export function vistaDescuento(total: string, porcentaje: string) {
  const p = Number(porcentaje.replace(",", "."));
  if (!porcentaje.trim() || !Number.isFinite(p) || p <= 0 || p > 100) return null;
  const d = calcularDescuento(total, p);
  return { monto: d.monto.toFixed(2), totalNuevo: d.totalNuevo.toFixed(2) };
}

export function OpcionesPersonal({ rol, valores, cambiar, errores, total, moneda }: {
  rol: "OPERADOR" | "ADMIN";
  valores: ValoresPersonal;
  cambiar: (cambios: Partial<ValoresPersonal>) => void;
  errores: Record<string, string | undefined>;
  total: string;
  moneda: string;
}) {
  const vista = valores.aplicar_descuento ? vistaDescuento(total, valores.porcentaje_descuento) : null;
  return (
    <div className="space-y-4">
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Descuento</legend>
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <Casilla role="switch" aria-checked={valores.aplicar_descuento} checked={valores.aplicar_descuento} className="size-5"
            onChange={(e) => cambiar({ aplicar_descuento: e.target.checked })} />
          Aplicar descuento
        </label>
        {valores.aplicar_descuento && (
          <>
            <Field id="porcentaje_descuento" label="Porcentaje de descuento" error={errores.porcentaje_descuento}
              hint={rol === "OPERADOR" ? "Hasta 50 %. Más requiere un administrador." : "Hasta 100 %."}>
              {(p) => <Input {...p} inputMode="decimal" value={valores.porcentaje_descuento} onChange={(e) => cambiar({ porcentaje_descuento: e.target.value })} placeholder="p. ej. 10" />}
            </Field>
            <p className="text-sm text-slate-800" data-testid="vista-descuento" aria-live="polite">
              {vista
                ? <>Descuento: <strong>{formatearMonto(vista.monto, moneda)}</strong> · Nuevo total: <strong>{formatearMonto(vista.totalNuevo, moneda)}</strong> (antes {formatearMonto(total, moneda)})</>
                : "Escriba un porcentaje para ver el monto y el nuevo total."}
            </p>
          </>
        )}
      </fieldset>

      <Field id="prioridad" label="Prioridad" error={errores.prioridad}>
        {(p) => (
          <Select {...p} value={valores.prioridad} onChange={(e) => cambiar({ prioridad: e.target.value as ValoresPersonal["prioridad"] })}>
            <option value="">Sin prioridad</option>
            <option value="BAJA">Baja</option>
            <option value="MEDIA">Media</option>
            <option value="ALTA">Alta</option>
          </Select>
        )}
      </Field>

      <Field id="observaciones_internas" label="Notas internas" hint="Solo las ve el personal; nunca el cliente." error={errores.observaciones_internas}>
        {(p) => <Textarea {...p} rows={3} value={valores.observaciones_internas} onChange={(e) => cambiar({ observaciones_internas: e.target.value })} />}
      </Field>

      <label className="flex min-h-11 items-center gap-3 text-sm">
        <Casilla checked={valores.notificar_cliente} className="size-5" onChange={(e) => cambiar({ notificar_cliente: e.target.checked })} />
        Notificar al cliente por correo
      </label>

      {rol === "ADMIN" && (
        <>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Omitir reglas (solo administradores)</legend>
            {TIPOS_REGLA.map((t) => (
              <label key={t.valor} className="flex min-h-11 items-center gap-3 text-sm">
                <Casilla checked={valores.bypass_reglas.includes(t.valor)}
                  onChange={(e) => cambiar({ bypass_reglas: e.target.checked ? [...valores.bypass_reglas, t.valor] : valores.bypass_reglas.filter((v) => v !== t.valor) })} />
                {t.texto}
              </label>
            ))}
            {valores.bypass_reglas.length > 0 && (
              <Field id="razon_bypass" label="Razón para omitir las reglas" error={errores.razon_bypass}>
                {(p) => <Input {...p} value={valores.razon_bypass} onChange={(e) => cambiar({ razon_bypass: e.target.value })} />}
              </Field>
            )}
          </fieldset>
          <fieldset className="grid gap-3 sm:grid-cols-2">
            <legend className="mb-2 text-sm font-medium">Cupones de compensación (opcional)</legend>
            <Field id="valor_cupon" label={`Valor de cada cupón (${moneda})`} error={errores.valor_cupon}>
              {(p) => <Input {...p} inputMode="decimal" value={valores.valor_cupon} onChange={(e) => cambiar({ valor_cupon: e.target.value })} placeholder="p. ej. 150.00" />}
            </Field>
            <Field id="cupones" label="Cantidad" error={errores.cupones}>
              {(p) => <Input {...p} type="number" min={1} max={10} value={valores.cupones} onChange={(e) => cambiar({ cupones: e.target.value })} />}
            </Field>
            <div className="sm:col-span-2">
              <Field id="descripcion_cupon" label="Descripción del cupón" error={errores.descripcion_cupon}>
                {(p) => <Input {...p} value={valores.descripcion_cupon} onChange={(e) => cambiar({ descripcion_cupon: e.target.value })} placeholder="Cupón de compensación por reprogramación" />}
              </Field>
            </div>
          </fieldset>
          <Field id="categoria_reprogramacion" label="Categoría" hint="Para los informes, p. ej. MANTENIMIENTO." error={errores.categoria_reprogramacion}>
            {(p) => <Input {...p} value={valores.categoria_reprogramacion} onChange={(e) => cambiar({ categoria_reprogramacion: e.target.value })} />}
          </Field>
          <Field id="observaciones_cliente" label="Mensaje para el cliente" hint="Va en el correo y en su historial." error={errores.observaciones_cliente}>
            {(p) => <Textarea {...p} rows={2} value={valores.observaciones_cliente} onChange={(e) => cambiar({ observaciones_cliente: e.target.value })} />}
          </Field>
        </>
      )}
    </div>
  );
}
