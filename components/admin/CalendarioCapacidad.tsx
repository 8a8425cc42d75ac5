"use client";
// Places per day for one month (react-day-picker): "occupied / capacity" on each day, coloured by
// how full it is. A day opens a dialog to set its own capacity or go back to the default.
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useMemo, useState, useTransition } from "react";
import { DayPicker, type DayButtonProps } from "react-day-picker";
import { es } from "react-day-picker/locale";
import "react-day-picker/style.css";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import type { CapacidadMes } from "@/lib/agencia/capacidad";
import type { ResultadoAccion } from "@/lib/http/accion";
import { enFechaLocal, fechaLocal } from "@/lib/reprogramacion/calendario";

type Dia = CapacidadMes["dias"][number];

/** How full: "libre" under half, "medio" under 80 %, "casi" below full, "lleno", "excedido" (an import put more bookings than places). */
export function nivelOcupacion(d: Pick<Dia, "ocupadas" | "capacidad">) {
  if (d.ocupadas > d.capacidad) return "excedido";
  if (d.ocupadas >= d.capacidad) return "lleno";
  const p = d.capacidad ? d.ocupadas / d.capacidad : 1;
  return p >= 0.8 ? "casi" : p >= 0.5 ? "medio" : "libre";
}

export function CalendarioCapacidad({ datos, zona, guardarDia }: { datos: CapacidadMes; zona: string; guardarDia: (cuerpo: unknown) => Promise<ResultadoAccion<unknown>> }) {
  const router = useRouter();
  const ruta = usePathname();
  const porFecha = useMemo(() => new Map(datos.dias.map((d) => [d.fecha, d])), [datos]);
  const [elegido, setElegido] = useState<Dia | null>(null);
  const [valor, setValor] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [guardando, iniciar] = useTransition();
  const mes = enFechaLocal(`${datos.mes}-01`, 12, 0, zona);
  const dia = useCallback((f: Date) => porFecha.get(fechaLocal(f, zona)), [porFecha, zona]);

  const BotonDia = useCallback(
    function BotonDia({ day, modifiers, className = "", "aria-label": _fecha, ...props }: DayButtonProps) {
      void _fecha;
      void modifiers;
      const d = dia(day.date);
      const nombre = new Intl.DateTimeFormat("es-BO", { weekday: "long", day: "numeric", month: "long", timeZone: zona }).format(day.date);
      return (
        <button {...props} className={`${className} flex flex-col items-center justify-center leading-none`} data-fecha={d?.fecha} data-nivel={d ? nivelOcupacion(d) : undefined} data-ocupacion={d ? `${d.ocupadas}/${d.capacidad}` : undefined}>
          <span className="text-sm">{day.date.getDate()}</span>
          {d && <span className="mt-0.5 text-[10px] font-medium">{d.ocupadas}/{d.capacidad}</span>}
          {d && <span className="sr-only">{`. ${nombre}: ${d.ocupadas} de ${d.capacidad} lugares ocupados${d.ocupadas > d.capacidad ? ", sobre su capacidad" : ""}${d.propia ? ", cupo propio" : ""}`}</span>}
        </button>
      );
    },
    [dia, zona],
  );

  function abrir(d: Dia) {
    setElegido(d);
    setValor(String(d.capacidad));
    setError(null);
  }

  function guardar(capacidad: number | null) {
    if (!elegido) return;
    if (capacidad !== null && !Number.isInteger(capacidad)) return setError("Indique un número entero de lugares");
    iniciar(async () => {
      const r = await guardarDia({ dia: elegido.fecha, capacidad });
      if (!r.ok) {
        setError(r.campos.capacidad ? `${r.detail}` : r.detail);
        return;
      }
      toast.success(capacidad === null ? `El ${elegido.fecha} vuelve al cupo por defecto` : `Cupo del ${elegido.fecha}: ${capacidad} lugares`);
      setElegido(null);
    });
  }

  return (
    <div className="calendario-capacidad overflow-x-auto">
      <DayPicker
        timeZone={zona}
        locale={es}
        month={mes}
        onMonthChange={(m) => router.push(`${ruta}?mes=${fechaLocal(m, zona).slice(0, 7)}`)}
        showOutsideDays={false}
        onDayClick={(f) => {
          const d = dia(f);
          if (d) abrir(d);
        }}
        modifiers={{
          libre: (f: Date) => dia(f) !== undefined && nivelOcupacion(dia(f)!) === "libre",
          medio: (f: Date) => dia(f) !== undefined && nivelOcupacion(dia(f)!) === "medio",
          casi: (f: Date) => dia(f) !== undefined && nivelOcupacion(dia(f)!) === "casi",
          lleno: (f: Date) => dia(f) !== undefined && nivelOcupacion(dia(f)!) === "lleno",
          excedido: (f: Date) => dia(f) !== undefined && nivelOcupacion(dia(f)!) === "excedido",
          propia: (f: Date) => dia(f)?.propia === true,
        }}
        modifiersClassNames={{ libre: "cap-libre", medio: "cap-medio", casi: "cap-casi", lleno: "cap-lleno", excedido: "cap-excedido", propia: "cap-propia" }}
        components={{ DayButton: BotonDia }}
      />
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-800" aria-label="Leyenda">
        <li className="flex items-center gap-1"><span aria-hidden className="inline-block size-3 rounded-sm bg-emerald-100 ring-1 ring-emerald-500" /> Menos de la mitad</li>
        <li className="flex items-center gap-1"><span aria-hidden className="inline-block size-3 rounded-sm bg-yellow-100 ring-1 ring-yellow-500" /> Desde la mitad</li>
        <li className="flex items-center gap-1"><span aria-hidden className="inline-block size-3 rounded-sm bg-orange-100 ring-1 ring-orange-500" /> 80 % o más</li>
        <li className="flex items-center gap-1"><span aria-hidden className="inline-block size-3 rounded-sm bg-red-100 ring-1 ring-red-500" /> Lleno</li>
        <li className="flex items-center gap-1"><span aria-hidden className="inline-block size-3 rounded-sm bg-red-800 ring-1 ring-red-900" /> Sobre su capacidad (importado)</li>
        <li className="flex items-center gap-1"><span aria-hidden className="inline-block size-3 rounded-sm ring-2 ring-blue-700" /> Cupo propio del día</li>
      </ul>
      <Dialog open={elegido !== null} onOpenChange={(o) => !o && setElegido(null)} title={elegido ? `Cupo del ${elegido.fecha}` : ""}
        description={elegido ? `${elegido.ocupadas} reservas ese día. ${elegido.propia ? "Tiene un cupo propio." : `Usa el cupo por defecto (${datos.capacidad_por_defecto}).`}` : undefined}
        footer={
          <>
            {elegido?.propia && <Button variante="secundario" onClick={() => guardar(null)} disabled={guardando}>Usar el cupo por defecto</Button>}
            <Button onClick={() => guardar(valor.trim() === "" ? NaN : Number(valor))} cargando={guardando} textoCargando="Guardando…">Guardar cupo</Button>
          </>
        }>
        <Field id="capacidad-dia" label="Lugares para ese día" error={error}>
          {(p) => <Input {...p} inputMode="numeric" value={valor} onChange={(e) => setValor(e.target.value)} onKeyDown={(e) => e.key === "Enter" && guardar(Number(valor))} />}
        </Field>
      </Dialog>
    </div>
  );
}
