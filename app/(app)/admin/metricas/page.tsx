// Delivery metrics for admins: the same figures as GET /api/metricas/notificaciones/.
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { formatearMonto } from "@/lib/formato/dinero";
import { formatearFechaCorta } from "@/lib/formato/fecha";
import { GraficosMetricas, type DatosGraficos } from "@/components/admin/GraficosMetricas";
import { BotonReintentar } from "@/components/notificaciones/BotonReintentar";
import { NOMBRE_CANAL } from "@/components/notificaciones/canales";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { metricasNotificaciones, periodoMetricasSchema } from "@/lib/notificaciones/metricas";
import { filtrosEntregasSchema, listarEntregasFallidas } from "@/lib/notificaciones/reintentar";

export const dynamic = "force-dynamic";
export const metadata = { title: "Métricas de notificaciones" };

const CANAL = { email_cliente: "Correo al cliente", email_admin: "Correo a admins", sms: "SMS al cliente", tiempo_real: "Panel en vivo" } as const;
// Under a second in milliseconds: "0 s" for 40 ms would hide what the figure is for.
const duracion = (ms: number | null) => (ms == null ? "—" : ms < 1000 ? `${ms.toLocaleString("es-BO")} ms` : `${(ms / 1000).toLocaleString("es-BO", { maximumFractionDigits: 1 })} s`);

export default async function MetricasPage({ searchParams }: { searchParams: Promise<{ desde?: string; hasta?: string }> }) {
  await actorDePagina(["ADMIN"], "/admin/metricas");
  const consulta = await searchParams;
  const periodo = periodoMetricasSchema.safeParse({ desde: consulta.desde || undefined, hasta: consulta.hasta || undefined });
  const [m, fallidas] = await Promise.all([
    metricasNotificaciones(prisma, periodo.success ? periodo.data : periodoMetricasSchema.parse({})),
    listarEntregasFallidas(prisma, filtrosEntregasSchema.parse({})),
  ]);
  const graficos: DatosGraficos = {
    canales: Object.entries(m.por_canal).map(([canal, c]) => ({ canal: CANAL[canal as keyof typeof CANAL], tasa: c.tasa_entrega, p50: c.latencia_ms.p50, p95: c.latencia_ms.p95, total: c.total })),
    errores: Object.entries(m.errores_por_tipo).map(([tipo, n]) => ({ tipo, intentos: n, descartadas: m.entregas_fallidas_por_tipo[tipo] ?? 0 })),
    volumen: m.volumen_por_dia.map((d) => ({ fecha: d.fecha, reprogramaciones: d.reprogramaciones, correos: d.correos_enviados, sms: d.sms_enviados, eventos: d.eventos_enviados })),
  };
  const ofertas = m.ofertas_lista_espera;
  const salidas = m.salidas_y_cambios;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Métricas de notificaciones</h1>
      <form className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <Field id="desde" label={`Desde (${m.periodo.zona})`}>{(p) => <Input {...p} name="desde" type="date" defaultValue={consulta.desde} />}</Field>
        <Field id="hasta" label={`Hasta (${m.periodo.zona})`}>{(p) => <Input {...p} name="hasta" type="date" defaultValue={consulta.hasta} />}</Field>
        <Button type="submit" variante="secundario">Ver periodo</Button>
      </form>
      {!periodo.success && <Alert tono="aviso">Periodo inválido; se muestran los últimos 7 días.</Alert>}
      <p className="text-slate-700" data-testid="resumen-metricas">
        Del {formatearFechaCorta(m.periodo.desde)} al {formatearFechaCorta(m.periodo.hasta)} (hora de {m.periodo.zona}): {m.total_reprogramaciones} reprogramaciones,{" "}
        {m.notificaciones_enviadas} clientes avisados de {m.reprogramaciones_con_aviso_al_cliente} ({m.tasa_entrega.toLocaleString("es-BO")} %).
      </p>
      <GraficosMetricas datos={graficos} />
      <Card aria-labelledby="titulo-canales">
        <h2 id="titulo-canales" className="mb-2 font-semibold">Entregas por canal</h2>
        <TablaCanales titulo="Entregas por canal" filas={Object.entries(m.por_canal).map(([canal, c]) => [CANAL[canal as keyof typeof CANAL], c])} />
      </Card>
      <Card aria-labelledby="titulo-ofertas">
        <h2 id="titulo-ofertas" className="mb-2 font-semibold">Ofertas de la lista de espera</h2>
        <p className="mb-2 text-slate-700" data-testid="resumen-ofertas">
          {ofertas.ofertas === 0
            ? "No se ofrecieron lugares de la lista de espera en este periodo."
            : `${ofertas.ofertas} ${ofertas.ofertas === 1 ? "lugar ofrecido" : "lugares ofrecidos"}: ${ofertas.aceptadas} aceptados, ${ofertas.rechazadas} rechazados, ${ofertas.vencidas} vencidos, ${ofertas.retiradas} retirados y ${ofertas.abiertas} abiertos. Aceptación: ${ofertas.tasa_aceptacion.toLocaleString("es-BO")} % de las ofertas ya cerradas.`}
        </p>
        <TablaCanales titulo="Avisos de ofertas por canal" filas={[["Correo", ofertas.por_canal.email], ["SMS", ofertas.por_canal.sms]]} />
      </Card>
      <Card aria-labelledby="titulo-salidas">
        <h2 id="titulo-salidas" className="mb-2 font-semibold">Cancelaciones, reembolsos, transferencias y costos de cambio</h2>
        <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4" data-testid="salidas">
          <div><dt className="text-slate-600">Cancelaciones</dt><dd className="text-lg font-semibold">{salidas.cancelaciones}</dd></div>
          <div><dt className="text-slate-600">Reembolsos</dt><dd className="text-lg font-semibold">{salidas.reembolsos.cantidad} · {formatearMonto(salidas.reembolsos.monto)}</dd><dd className="text-slate-600">pagados {salidas.reembolsos.pagados} · {formatearMonto(salidas.reembolsos.monto_pagado)}</dd></div>
          <div><dt className="text-slate-600">Transferencias</dt><dd className="text-lg font-semibold">{salidas.transferencias.cantidad}</dd><dd className="text-slate-600">cobrado {formatearMonto(salidas.transferencias.costos)}</dd></div>
          <div><dt className="text-slate-600">Costos de cambio</dt><dd className="text-lg font-semibold">{formatearMonto(salidas.costos_de_cambio.monto)}</dd><dd className="text-slate-600">en {salidas.costos_de_cambio.reprogramaciones_con_costo} reprogramaciones</dd></div>
        </dl>
      </Card>
      <Card aria-labelledby="titulo-fallidas">
        <h2 id="titulo-fallidas" className="mb-2 font-semibold">Entregas fallidas ({fallidas.total})</h2>
        {fallidas.entregas.length === 0 ? (
          <p className="text-slate-700">No hay entregas fallidas.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="entregas-fallidas">
            {fallidas.entregas.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="break-words">
                  Reserva #{e.reserva_id} · {NOMBRE_CANAL[e.canal]} a {e.destinatario}{e.lista_espera_id ? " (lugar de la lista de espera)" : ""} · {e.intentos} intentos · {e.error_tipo}: {e.error}
                </span>
                <BotonReintentar entregaId={e.id} destinatario={e.destinatario} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

type EstadisticasCanal = Awaited<ReturnType<typeof metricasNotificaciones>>["por_canal"][string];

function TablaCanales({ titulo, filas }: { titulo: string; filas: [string, EstadisticasCanal][] }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${titulo} (desplazable)`}>
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">{titulo}</caption>
        <thead className="bg-slate-100"><tr><th scope="col" className="px-3 py-2">Canal</th><th scope="col" className="px-3 py-2">Total</th><th scope="col" className="px-3 py-2">Enviadas</th><th scope="col" className="px-3 py-2">Fallidas</th><th scope="col" className="px-3 py-2">Pendientes</th><th scope="col" className="px-3 py-2">Tasa</th><th scope="col" className="px-3 py-2">Latencia p50 / p95</th></tr></thead>
        <tbody>
          {filas.map(([canal, c]) => (
            <tr key={canal} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-2 font-medium">{canal}</th>
              <td className="px-3 py-2">{c.total}</td><td className="px-3 py-2">{c.enviadas}</td><td className="px-3 py-2">{c.fallidas}</td><td className="px-3 py-2">{c.pendientes}</td>
              <td className="px-3 py-2">{c.total === 0 ? "—" : `${c.tasa_entrega.toLocaleString("es-BO")} %`}</td><td className="px-3 py-2">{duracion(c.latencia_ms.p50)} / {duracion(c.latencia_ms.p95)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
