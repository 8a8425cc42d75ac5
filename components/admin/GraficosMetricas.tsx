"use client";
// Delivery charts (recharts): rate and latency per channel, errors by type, volume per day. Each
// chart carries its numbers as a table for screen readers (and for anyone who prefers numbers).
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";

export interface DatosGraficos {
  canales: { canal: string; tasa: number; p50: number | null; p95: number | null; total: number }[];
  errores: { tipo: string; intentos: number; descartadas: number }[];
  volumen: { fecha: string; reprogramaciones: number; correos: number; sms: number; eventos: number }[];
}

const num = (n: number | null, digitos = 1) => (n === null ? "—" : n.toLocaleString("es-BO", { maximumFractionDigits: digitos }));

function Grafico({ id, titulo, descripcion, children, tabla }: { id: string; titulo: string; descripcion: string; children: ReactNode; tabla: { cabeceras: string[]; filas: (string | number)[][] } }) {
  return (
    <Card aria-labelledby={`${id}-titulo`} data-testid={`grafico-${id}`} className="min-w-0">
      <h2 id={`${id}-titulo`} className="font-semibold">{titulo}</h2>
      <p className="mb-2 text-sm text-slate-700">{descripcion}</p>
      <div role="img" aria-label={`${titulo}: los valores están en la tabla siguiente`} className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">{children as React.ReactElement}</ResponsiveContainer>
      </div>
      {/* A table ignores a 1 px width; its clipped wrapper does not, so the page never scrolls sideways. */}
      <div className="sr-only">
      <table data-testid={`tabla-${id}`}>
        <caption>{titulo}</caption>
        <thead><tr>{tabla.cabeceras.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
        <tbody>{tabla.filas.map((f) => <tr key={String(f[0])}>{f.map((v, i) => (i === 0 ? <th key={i} scope="row">{v}</th> : <td key={i}>{v}</td>))}</tr>)}</tbody>
      </table>
      </div>
    </Card>
  );
}

export function GraficosMetricas({ datos }: { datos: DatosGraficos }) {
  const canales = datos.canales.map((c) => ({ ...c, p50s: c.p50 === null ? null : c.p50 / 1000, p95s: c.p95 === null ? null : c.p95 / 1000 }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Grafico id="tasa" titulo="Tasa de entrega por canal" descripcion="Porcentaje de entregas enviadas."
        tabla={{ cabeceras: ["Canal", "Tasa (%)", "Entregas"], filas: datos.canales.map((c) => [c.canal, num(c.tasa), c.total]) }}>
        <BarChart data={canales} margin={{ left: -10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="canal" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} unit=" %" tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => `${num(Number(v))} %`} />
          <Bar dataKey="tasa" name="Tasa de entrega" fill="#1d4ed8" isAnimationActive={false} />
        </BarChart>
      </Grafico>
      <Grafico id="latencia" titulo="Latencia por canal" descripcion="Desde la reprogramación hasta el envío, en segundos (p50 y p95)."
        tabla={{ cabeceras: ["Canal", "p50 (s)", "p95 (s)"], filas: canales.map((c) => [c.canal, num(c.p50s, 2), num(c.p95s, 2)]) }}>
        <BarChart data={canales} margin={{ left: -10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="canal" tick={{ fontSize: 12 }} />
          {/* Bolivian decimals, and room for them: "0,225 s" must not be clipped. */}
          <YAxis tickFormatter={(v) => `${num(Number(v), 3)} s`} width={64} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => `${num(Number(v), 2)} s`} />
          <Legend />
          <Bar dataKey="p50s" name="p50" fill="#0f766e" isAnimationActive={false} />
          <Bar dataKey="p95s" name="p95" fill="#b45309" isAnimationActive={false} />
        </BarChart>
      </Grafico>
      <Grafico id="errores" titulo="Errores por tipo" descripcion="Intentos fallidos y entregas descartadas."
        tabla={{ cabeceras: ["Tipo", "Intentos fallidos", "Descartadas"], filas: datos.errores.map((e) => [e.tipo, e.intentos, e.descartadas]) }}>
        <BarChart data={datos.errores} margin={{ left: -10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="tipo" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="intentos" name="Intentos fallidos" fill="#b91c1c" isAnimationActive={false} />
          <Bar dataKey="descartadas" name="Descartadas" fill="#7c2d12" isAnimationActive={false} />
        </BarChart>
      </Grafico>
      <Grafico id="volumen" titulo="Volumen por día" descripcion="Reprogramaciones, correos, SMS y eventos en vivo enviados."
        tabla={{ cabeceras: ["Día", "Reprogramaciones", "Correos", "SMS", "Eventos"], filas: datos.volumen.map((v) => [v.fecha, v.reprogramaciones, v.correos, v.sms, v.eventos]) }}>
        <LineChart data={datos.volumen} margin={{ left: -10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="fecha" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Line dataKey="reprogramaciones" name="Reprogramaciones" stroke="#1d4ed8" isAnimationActive={false} />
          <Line dataKey="correos" name="Correos" stroke="#0f766e" isAnimationActive={false} />
          <Line dataKey="sms" name="SMS" stroke="#7c3aed" isAnimationActive={false} />
          <Line dataKey="eventos" name="Eventos en vivo" stroke="#b45309" isAnimationActive={false} />
        </LineChart>
      </Grafico>
    </div>
  );
}
