"use client";
// Nearby dates the rules and capacity accept, as buttons that fill the form in one click.
import { Button } from "@/components/ui/button";
import type { Sugerencia } from "@/lib/reprogramacion/formulario";

export function BotonesSugerencias({ sugerencias, zona, onElegir }: { sugerencias: Sugerencia[]; zona: string; onElegir: (fechaIso: string) => void }) {
  const formato = new Intl.DateTimeFormat("es-BO", { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zona });
  return (
    <div>
      <p className="mb-2 text-sm font-medium">Fechas cercanas disponibles:</p>
      <ul className="flex flex-wrap gap-2">
        {sugerencias.map((s) => (
          <li key={s.fecha}>
            <Button variante="secundario" onClick={() => onElegir(s.fecha)} data-testid="sugerencia">
              {formato.format(new Date(s.fecha))}
              {s.espacios_libres !== undefined && <span className="text-slate-600">· {s.espacios_libres} libres</span>}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
