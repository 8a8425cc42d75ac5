"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import type { ResultadoAccion } from "@/lib/http/accion";

export function FormularioCapacidadPorDefecto({ actual, guardar }: { actual: number; guardar: (cuerpo: unknown) => Promise<ResultadoAccion<unknown>> }) {
  const [valor, setValor] = useState(String(actual));
  const [error, setError] = useState<string | null>(null);
  const [guardando, iniciar] = useTransition();
  function enviar(e: React.FormEvent) {
    e.preventDefault();
    const n = Number(valor);
    if (valor.trim() === "" || !Number.isInteger(n)) return setError("Indique un número entero de lugares");
    iniciar(async () => {
      const r = await guardar({ capacidad: n });
      if (r.ok) {
        setError(null);
        toast.success(`Cupo por defecto: ${n} lugares por día`);
      } else setError(r.detail);
    });
  }
  return (
    <form onSubmit={enviar} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="sm:w-64">
        <Field id="capacidad-defecto" label="Lugares por día (por defecto)" error={error}>
          {(p) => <Input {...p} inputMode="numeric" value={valor} onChange={(e) => setValor(e.target.value)} />}
        </Field>
      </div>
      <Button type="submit" variante="secundario" cargando={guardando} textoCargando="Guardando…" className={error ? "sm:mb-7" : ""}>Guardar</Button>
    </form>
  );
}
