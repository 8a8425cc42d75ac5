"use client";
// The per-row report of an import or of its dry run: the counts, then a table that starts with the
// rows that need attention (errors, conflicts, warnings) and can show every row.
import Link from "next/link";
import { useMemo, useState } from "react";
import { Badge, type Tono } from "@/components/ui/badge";
import type { FilaInforme, ResumenImportacion } from "@/lib/api/respuestas";
import { formatearMonto } from "@/lib/formato/dinero";
import { formatearFechaCorta } from "@/lib/formato/fecha";
import { Casilla } from "@/components/ui/input";

type Modo = "prueba" | "resultado";
const ETIQUETA: Record<FilaInforme["resultado"], { prueba: string; resultado: string; tono: Tono }> = {
  crear: { prueba: "Se crearía", resultado: "Creada", tono: "exito" },
  actualizar: { prueba: "Se actualizaría", resultado: "Actualizada", tono: "info" },
  sin_cambios: { prueba: "Sin cambios", resultado: "Sin cambios", tono: "neutro" },
  conflicto: { prueba: "Conflicto", resultado: "Conflicto", tono: "aviso" },
  error: { prueba: "Error", resultado: "Error", tono: "peligro" },
};
const CAMPO: Record<string, string> = { destino: "Destino", total: "Total", moneda: "Moneda", servicios: "Servicios", titular: "Titular", estado: "Estado", fecha_inicio: "Fecha" };
const MAXIMO_EN_PANTALLA = 200;

function cambio(campo: string, valor: unknown, zona: string) {
  if (campo === "fecha_inicio" && typeof valor === "string") return formatearFechaCorta(valor, zona);
  if (campo === "total" && typeof valor === "string") return formatearMonto(valor, "").trim();
  if (campo === "servicios" && Array.isArray(valor)) return `${valor.length} servicio${valor.length === 1 ? "" : "s"}`;
  return String(valor ?? "—");
}

const conProblema = (f: FilaInforme) => f.resultado === "error" || f.resultado === "conflicto" || f.advertencias.length > 0;

export function InformeImportacion({ resumen, filas, modo, zona }: { resumen: ResumenImportacion; filas: FilaInforme[]; modo: Modo; zona: string }) {
  const problemas = useMemo(() => filas.filter(conProblema).length, [filas]);
  const [filtro, setFiltro] = useState<"problemas" | "todas">(problemas > 0 ? "problemas" : "todas");
  const visibles = filtro === "problemas" ? filas.filter(conProblema) : filas;
  const cifras: [string, number, Tono][] = [
    [modo === "prueba" ? "se crearían" : "creadas", resumen.creadas, "exito"],
    [modo === "prueba" ? "se actualizarían" : "actualizadas", resumen.actualizadas, "info"],
    ["sin cambios", resumen.sin_cambios, "neutro"],
    ["conflictos", resumen.conflictos, "aviso"],
    ["errores", resumen.errores, "peligro"],
    ["con advertencias", resumen.advertencias, "aviso"],
  ];
  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-2" aria-label="Resumen" data-testid="resumen-importacion">
        {cifras.map(([texto, n, tono]) => (
          <li key={texto}><Badge tono={tono} className="text-sm"><strong className="mr-1">{n}</strong>{texto}</Badge></li>
        ))}
      </ul>
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <legend className="sr-only">Filas a mostrar</legend>
        <label className="flex min-h-11 items-center gap-2"><Casilla type="radio" name="filtro-filas" checked={filtro === "problemas"} onChange={() => setFiltro("problemas")} className="size-4" /> Con problemas ({problemas})</label>
        <label className="flex min-h-11 items-center gap-2"><Casilla type="radio" name="filtro-filas" checked={filtro === "todas"} onChange={() => setFiltro("todas")} className="size-4" /> Todas ({filas.length})</label>
      </fieldset>
      {visibles.length === 0 ? (
        <p className="text-sm text-slate-700">Ninguna fila tiene errores, conflictos ni advertencias.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200" tabIndex={0} role="region" aria-label="Informe por fila (desplazable)">
          {/* On a phone each row is a block (line and code, result, detail), so nothing scrolls sideways. */}
          <table className="w-full text-left text-sm sm:min-w-[40rem]" data-testid="informe-filas">
            <caption className="sr-only">Informe por fila del archivo</caption>
            <thead className="bg-slate-100 max-sm:sr-only">
              <tr><th scope="col" className="px-3 py-2">Línea</th><th scope="col" className="px-3 py-2">Referencia</th><th scope="col" className="px-3 py-2">Resultado</th><th scope="col" className="px-3 py-2">Detalle</th></tr>
            </thead>
            <tbody>
              {visibles.slice(0, MAXIMO_EN_PANTALLA).map((f) => (
                <tr key={f.linea} className="border-t border-slate-100 align-top max-sm:block max-sm:py-2" data-linea={f.linea} data-resultado={f.resultado}>
                  <td className="px-3 py-2 tabular-nums max-sm:inline-block max-sm:py-0.5 max-sm:pr-0"><span className="sm:hidden">Línea </span>{f.linea}<span className="sm:hidden"> ·</span></td>
                  <td className="px-3 py-2 max-sm:inline max-sm:py-0.5 max-sm:break-all sm:whitespace-nowrap">
                    {f.reserva_id && modo === "resultado" ? <Link href={`/soporte/reservas/${f.reserva_id}`} className="text-blue-800 underline underline-offset-2">{f.referencia}</Link> : (f.referencia ?? "—")}
                  </td>
                  <td className="px-3 py-2 max-sm:block max-sm:py-0.5"><Badge tono={ETIQUETA[f.resultado].tono}>{ETIQUETA[f.resultado][modo]}</Badge></td>
                  <td className="space-y-1 px-3 py-2 max-sm:block max-sm:py-0.5">
                    {f.errores.map((e, i) => <p key={i} className="text-red-900">{e.columna ? <><span className="font-mono text-xs">{e.columna}</span>: </> : null}{e.mensaje}</p>)}
                    {f.conflicto && <p className="text-amber-950">{f.conflicto}</p>}
                    {Object.entries(f.cambios).map(([campo, { antes, despues }]) => (
                      <p key={campo}>{CAMPO[campo] ?? campo}: {cambio(campo, antes, zona)} → {cambio(campo, despues, zona)}</p>
                    ))}
                    {f.advertencias.map((a, i) => <p key={i} className="text-amber-950"><span aria-hidden>⚠ </span>{a}</p>)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {visibles.length > MAXIMO_EN_PANTALLA && <p className="text-sm text-slate-700">Se muestran {MAXIMO_EN_PANTALLA} de {visibles.length} filas{modo === "resultado" ? "; el CSV tiene todas" : ""}.</p>}
    </div>
  );
}
