"use client";
// An import as the worker applies it: rows done of total and the counts (Server-Sent Events); when
// it finishes, the page reloads its report.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { EstadoImportacion } from "@/lib/importacion/importar";

type Progreso = Pick<EstadoImportacion, "id" | "estado" | "total" | "procesadas" | "resumen">;

export function ProgresoImportacion({ inicial }: { inicial: Progreso }) {
  const router = useRouter();
  const [estado, setEstado] = useState(inicial);
  useEffect(() => {
    if (inicial.estado === "TERMINADA") return;
    const fuente = new EventSource(`/api/admin/importaciones/${inicial.id}/progreso`);
    fuente.addEventListener("progreso", (e) => {
      const nuevo = JSON.parse((e as MessageEvent).data) as Progreso;
      setEstado(nuevo);
      if (nuevo.estado === "TERMINADA") {
        fuente.close();
        router.refresh();
      }
    });
    return () => fuente.close();
  }, [inicial.id, inicial.estado, router]);

  const porcentaje = estado.total ? Math.floor((estado.procesadas / estado.total) * 100) : 100;
  const terminada = estado.estado === "TERMINADA";
  return (
    <div className="space-y-2">
      <div className="flex justify-between text-sm">
        <span id="etiqueta-progreso">{terminada ? "Terminada:" : "Importando…"} {estado.procesadas.toLocaleString("es-BO")} de {estado.total.toLocaleString("es-BO")} filas</span>
        <span data-testid="porcentaje">{porcentaje} %</span>
      </div>
      <div role="progressbar" aria-labelledby="etiqueta-progreso" aria-valuemin={0} aria-valuemax={100} aria-valuenow={porcentaje} className="h-4 overflow-hidden rounded-full bg-slate-200">
        <div className="h-full bg-blue-700 transition-[width]" style={{ width: `${porcentaje}%` }} />
      </div>
      <p className="text-sm" aria-live="polite">
        {estado.resumen.creadas} creadas · {estado.resumen.actualizadas} actualizadas · {estado.resumen.sin_cambios} sin cambios · {estado.resumen.conflictos} conflictos · {estado.resumen.errores} errores
      </p>
    </div>
  );
}
