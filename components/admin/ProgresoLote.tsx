"use client";
// A bulk move as it runs: the progress bar advances with every reservation the worker finishes
// (Server-Sent Events), and the result table grows; at the end, the CSV.
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { formatearFechaCorta } from "@/lib/formato/fecha";
import type { EstadoLote } from "@/lib/reprogramacion/lotes";

export function ProgresoLote({ inicial, zona }: { inicial: EstadoLote; zona: string }) {
  const [estado, setEstado] = useState(inicial);
  useEffect(() => {
    if (inicial.estado === "TERMINADO") return;
    const fuente = new EventSource(`/api/admin/lotes/${inicial.id}/progreso`);
    fuente.addEventListener("progreso", (e) => {
      const nuevo = JSON.parse((e as MessageEvent).data) as EstadoLote;
      setEstado((previo) => {
        const vistos = new Set(previo.items.map((i) => i.orden));
        return { ...nuevo, items: [...previo.items, ...nuevo.items.filter((i) => !vistos.has(i.orden))] };
      });
      if (nuevo.estado === "TERMINADO") fuente.close();
    });
    return () => fuente.close();
  }, [inicial.id, inicial.estado]);

  const porcentaje = estado.total ? Math.round((estado.procesadas / estado.total) * 100) : 100;
  const terminado = estado.estado === "TERMINADO";
  return (
    <div className="space-y-4">
      <div>
        <div className="mb-1 flex justify-between text-sm">
          <span id="etiqueta-progreso">{terminado ? "Terminada" : "Procesando…"} {estado.procesadas} de {estado.total}</span>
          <span data-testid="porcentaje">{porcentaje} %</span>
        </div>
        <div role="progressbar" aria-labelledby="etiqueta-progreso" aria-valuemin={0} aria-valuemax={100} aria-valuenow={porcentaje} className="h-4 overflow-hidden rounded-full bg-slate-200">
          <div className="h-full bg-blue-700 transition-[width]" style={{ width: `${porcentaje}%` }} />
        </div>
      </div>
      <p className="text-base" aria-live="polite">
        <strong data-testid="movidas">{estado.movidas}</strong> movidas · <strong data-testid="rechazadas">{estado.rechazadas}</strong> rechazadas
      </p>
      {terminado && <ButtonLink href={`/api/admin/lotes/${estado.id}/csv`} variante="secundario" prefetch={false} download>Descargar resultado (CSV)</ButtonLink>}
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200" tabIndex={0} role="region" aria-label="Resultado por reserva (desplazable)">
        <table className="w-full min-w-[36rem] text-left text-sm" data-testid="resultado-lote">
          <caption className="sr-only">Resultado por reserva</caption>
          <thead className="bg-slate-100">
            <tr><th scope="col" className="px-3 py-2">Reserva</th><th scope="col" className="px-3 py-2">Resultado</th><th scope="col" className="px-3 py-2">Nueva fecha ({zona})</th><th scope="col" className="px-3 py-2">Detalle</th></tr>
          </thead>
          <tbody>
            {estado.items.map((i) => (
              <tr key={i.orden} className="border-t border-slate-100" data-resultado={i.resultado}>
                <td className="px-3 py-2">#{i.reserva_id}</td>
                <td className="px-3 py-2">{i.resultado === "MOVIDA" ? <Badge tono="exito">Movida</Badge> : <Badge tono="peligro">{i.error_code}</Badge>}</td>
                <td className="px-3 py-2">{i.fecha_nueva ? formatearFechaCorta(i.fecha_nueva, zona) : "—"}</td>
                <td className="px-3 py-2">{i.detalle ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
