"use client";
// The availability calendar: a month view (react-day-picker) in the agency zone where each day of
// the evaluated range says whether this reservation can move there and, if not, why. Blocked days
// stay focusable and selectable so the client can read the reason and get nearby alternatives;
// only days outside the evaluated range are disabled.
import { useCallback, useMemo } from "react";
import { DayPicker, type DayButtonProps } from "react-day-picker";
import { es } from "react-day-picker/locale";
import "react-day-picker/style.css";
import type { CalendarioReserva, DiaCalendario, MotivoDia } from "@/lib/reprogramacion/calendario-reserva";
import { enFechaLocal, fechaLocal } from "@/lib/reprogramacion/calendario";

const ETIQUETA: Record<MotivoDia["codigo"], string> = {
  RESERVA_NO_REPROGRAMABLE: "—",
  FECHA_EN_PASADO: "Pasado",
  FECHA_ACTUAL: "Actual",
  FECHA_FUERA_DE_HORIZONTE: "—",
  LIMITE_REPROGRAMACIONES: "Límite",
  TIEMPO_MINIMO: "Pronto",
  DIA_BLACKOUT: "Cerrado",
  FERIADO: "Feriado",
  SIN_CAPACIDAD: "Lleno",
};

/** The short note under a day's number. */
export function etiquetaDia(dia: DiaCalendario): string | null {
  if (dia.permitido) return dia.quedan_pocos ? `quedan ${dia.espacios_libres}` : null;
  const principal = dia.motivos.find((m) => m.codigo === "FERIADO") ?? dia.motivos.find((m) => m.codigo === "SIN_CAPACIDAD") ?? dia.motivos[0];
  return ETIQUETA[principal.codigo];
}

/** Everything a screen reader (and the hover title) says about a day. */
export function descripcionDia(dia: DiaCalendario): string {
  if (dia.permitido) return `Disponible${dia.quedan_pocos ? `, quedan ${dia.espacios_libres} lugares` : ""}${dia.feriado ? ` (${dia.feriado})` : ""}`;
  return `No disponible: ${dia.motivos.map((m) => m.mensaje).join(". ")}`;
}

export function CalendarioDisponibilidad({ calendario, seleccionada, mes, onMesChange, onSeleccion }: {
  calendario: CalendarioReserva;
  seleccionada: string | null;
  mes: Date;
  onMesChange: (mes: Date) => void;
  onSeleccion: (fecha: string) => void;
}) {
  const { zona } = calendario;
  const porFecha = useMemo(() => new Map(calendario.dias.map((d) => [d.fecha, d])), [calendario]);
  const primero = enFechaLocal(calendario.desde, 12, 0, zona);
  const ultimo = enFechaLocal(calendario.hasta, 12, 0, zona);
  const dia = useCallback((fecha: Date) => porFecha.get(fechaLocal(fecha, zona)), [porFecha, zona]);

  const BotonDia = useCallback(
    // The library's own aria-label (just the date) is replaced by the content's name, reason included.
    function BotonDia({ day, modifiers, className = "", "aria-label": _nombreFecha, ...props }: DayButtonProps) {
      void _nombreFecha;
      const info = dia(day.date);
      const etiqueta = info ? etiquetaDia(info) : null;
      const nombre = new Intl.DateTimeFormat("es-BO", { weekday: "long", day: "numeric", month: "long", timeZone: zona }).format(day.date);
      const descripcion = info ? descripcionDia(info) : "Fuera del período consultado";
      return (
        // The accessible name starts with what is visible ("22 Feriado") and goes on with the reason.
        <button {...props} className={`${className} flex flex-col items-center justify-center leading-none`} title={info ? descripcion : undefined} data-fecha={info?.fecha} data-permitido={info ? String(info.permitido) : undefined}>
          <span className="numero-dia text-sm">{day.date.getDate()}</span>
          {etiqueta && <span className="mt-0.5 text-[9px] font-medium leading-none"> {etiqueta}</span>}
          <span className="sr-only">{`. ${nombre}: ${descripcion}${modifiers.selected ? ", seleccionado" : ""}`}</span>
        </button>
      );
    },
    [dia, zona],
  );

  return (
    <div className="calendario-disponibilidad overflow-x-auto">
      <DayPicker
        mode="single"
        required={false}
        timeZone={zona}
        locale={es}
        month={mes}
        onMonthChange={onMesChange}
        startMonth={primero}
        endMonth={ultimo}
        selected={seleccionada ? enFechaLocal(seleccionada, 12, 0, zona) : undefined}
        onSelect={(fecha) => fecha && onSeleccion(fechaLocal(fecha, zona))}
        disabled={[{ before: primero }, { after: ultimo }]}
        modifiers={{
          bloqueado: (fecha: Date) => dia(fecha)?.permitido === false,
          pocos: (fecha: Date) => dia(fecha)?.quedan_pocos === true,
          feriado: (fecha: Date) => Boolean(dia(fecha)?.feriado),
        }}
        modifiersClassNames={{ bloqueado: "dia-bloqueado", pocos: "dia-pocos", feriado: "dia-feriado" }}
        components={{ DayButton: BotonDia }}
        showOutsideDays={false}
      />
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Leyenda del calendario">
        <li className="flex items-center gap-1"><span aria-hidden className="inline-block size-3 rounded-sm bg-emerald-100 ring-1 ring-emerald-500" /> Disponible</li>
        <li className="flex items-center gap-1"><span aria-hidden className="inline-block size-3 rounded-sm bg-amber-100 ring-1 ring-amber-500" /> Pocos lugares</li>
        <li className="flex items-center gap-1"><span aria-hidden className="inline-block size-3 rounded-sm bg-slate-200 ring-1 ring-slate-400" /> No disponible (toque el día para ver por qué)</li>
      </ul>
    </div>
  );
}
