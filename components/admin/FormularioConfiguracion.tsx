"use client";
// Agency settings: one form, the server's schema decides, errors land next to their fields.
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import type { ConfiguracionEditable } from "@/lib/agencia/configuracion";
import type { ResultadoAccion } from "@/lib/http/accion";

type Clave = keyof ConfiguracionEditable;
const CAMPOS: { clave: Clave; etiqueta: string; ayuda?: string; tipo: "texto" | "entero" | "monto" | "email" }[] = [
  { clave: "nombre_agencia", etiqueta: "Nombre de la agencia", tipo: "texto" },
  { clave: "porcentaje_reembolso", etiqueta: "Reembolso por cancelación (%)", ayuda: "Lo que se ofrece a quien no puede reprogramar.", tipo: "entero" },
  { clave: "porcentaje_reembolso_tardio", etiqueta: "Reembolso por cancelación tardía (%)", ayuda: "Cuando falta menos que el tiempo mínimo.", tipo: "entero" },
  { clave: "costo_transferencia", etiqueta: "Costo de transferir a otra persona (Bs)", tipo: "monto" },
  { clave: "costo_reprogramacion", etiqueta: "Costo de reprogramar para el cliente (Bs)", ayuda: "Las reprogramaciones del personal no tienen costo.", tipo: "monto" },
  { clave: "validez_cupon_dias", etiqueta: "Validez de los cupones (días)", tipo: "entero" },
  { clave: "horizonte_reserva_dias", etiqueta: "Anticipación máxima de una reserva (días)", tipo: "entero" },
  { clave: "email_soporte", etiqueta: "Correo de soporte", tipo: "email" },
  { clave: "telefono_soporte", etiqueta: "Teléfono de soporte", tipo: "texto" },
];

export function FormularioConfiguracion({ inicial, guardar }: { inicial: ConfiguracionEditable; guardar: (cuerpo: unknown) => Promise<ResultadoAccion<ConfiguracionEditable>> }) {
  const [valores, setValores] = useState<Record<Clave, string>>(() => Object.fromEntries(Object.entries(inicial).map(([k, v]) => [k, String(v)])) as Record<Clave, string>);
  const [errores, setErrores] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [guardando, iniciar] = useTransition();

  function enviar(e: React.FormEvent) {
    e.preventDefault();
    const cuerpo = Object.fromEntries(CAMPOS.map(({ clave, tipo }) => [clave, tipo === "entero" && /^-?\d+$/.test(valores[clave].trim()) ? Number(valores[clave]) : valores[clave].trim()]));
    iniciar(async () => {
      const r = await guardar(cuerpo);
      if (r.ok) {
        setErrores({});
        setGeneral(null);
        toast.success("Configuración guardada");
        return;
      }
      setErrores(r.campos);
      setGeneral(r.detail);
      const primero = CAMPOS.find((c) => r.campos[c.clave]);
      if (primero) document.getElementById(primero.clave)?.focus();
    });
  }

  return (
    <form onSubmit={enviar} noValidate className="space-y-4">
      {general && <Alert tono="peligro" title="Revise los datos">{general}</Alert>}
      <Card>
        <div className="grid gap-4 sm:grid-cols-2">
          {CAMPOS.map(({ clave, etiqueta, ayuda, tipo }) => (
            <Field key={clave} id={clave} label={etiqueta} hint={ayuda} error={errores[clave]}>
              {(p) => <Input {...p} type={tipo === "email" ? "email" : "text"} inputMode={tipo === "entero" ? "numeric" : tipo === "monto" ? "decimal" : undefined}
                value={valores[clave]} onChange={(e) => setValores((v) => ({ ...v, [clave]: e.target.value }))} />}
            </Field>
          ))}
        </div>
      </Card>
      <Button type="submit" cargando={guardando} textoCargando="Guardando…">Guardar configuración</Button>
    </form>
  );
}
