// Delivery metrics for admins: the same figures as GET /api/metricas/notificaciones/.
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { formatearFechaCorta } from "@/lib/formato/fecha";
import { BotonReintentar } from "@/components/notificaciones/BotonReintentar";
import { metricasNotificaciones, periodoMetricasSchema } from "@/lib/notificaciones/metricas";
import { filtrosEntregasSchema, listarEntregasFallidas } from "@/lib/notificaciones/reintentar";

export const dynamic = "force-dynamic";
export const metadata = { title: "Métricas de notificaciones" };

const CANAL = { email_cliente: "Correo al cliente", email_admin: "Correo a admins", tiempo_real: "Panel en vivo" } as const;
const segundos = (ms: number | null) => (ms == null ? "—" : `${(ms / 1000).toLocaleString("es-BO", { maximumFractionDigits: 1 })} s`);

export default async function MetricasPage({ searchParams }: { searchParams: Promise<{ desde?: string; hasta?: string }> }) {
  await actorDePagina(["ADMIN"], "/admin/metricas");
  const consulta = await searchParams;
  const periodo = periodoMetricasSchema.safeParse({ desde: consulta.desde || undefined, hasta: consulta.hasta || undefined });
  const [m, fallidas] = await Promise.all([
    metricasNotificaciones(prisma, periodo.success ? periodo.data : periodoMetricasSchema.parse({})),
    listarEntregasFallidas(prisma, filtrosEntregasSchema.parse({})),
  ]);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Métricas de notificaciones</h1>
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">Desde<input name="desde" type="date" defaultValue={consulta.desde} className="rounded border border-slate-300 px-2 py-1" /></label>
        <label className="flex flex-col">Hasta<input name="hasta" type="date" defaultValue={consulta.hasta} className="rounded border border-slate-300 px-2 py-1" /></label>
        <button className="rounded bg-slate-800 px-3 py-1.5 text-white">Ver</button>
        {!periodo.success && <span role="alert" className="text-red-700">Periodo inválido; se muestran los últimos 7 días.</span>}
      </form>
      <p className="mb-4 text-slate-600">
        Del {formatearFechaCorta(m.periodo.desde)} al {formatearFechaCorta(m.periodo.hasta)} (hora de {m.periodo.zona}): {m.total_reprogramaciones} reprogramaciones,{" "}
        {m.notificaciones_enviadas} clientes avisados de {m.reprogramaciones_con_aviso_al_cliente} ({m.tasa_entrega.toLocaleString("es-BO")} %).
      </p>
      <table className="mb-6 w-full rounded-lg bg-white text-left text-sm ring-1 ring-slate-200">
        <caption className="sr-only">Entregas por canal</caption>
        <thead className="bg-slate-100"><tr><th className="px-3 py-2">Canal</th><th className="px-3 py-2">Total</th><th className="px-3 py-2">Enviadas</th><th className="px-3 py-2">Fallidas</th><th className="px-3 py-2">Pendientes</th><th className="px-3 py-2">Tasa</th><th className="px-3 py-2">Latencia p50 / p95</th></tr></thead>
        <tbody>
          {Object.entries(m.por_canal).map(([canal, c]) => (
            <tr key={canal} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-2 font-medium">{CANAL[canal as keyof typeof CANAL]}</th>
              <td className="px-3 py-2">{c.total}</td><td className="px-3 py-2">{c.enviadas}</td><td className="px-3 py-2">{c.fallidas}</td><td className="px-3 py-2">{c.pendientes}</td>
              <td className="px-3 py-2">{c.tasa_entrega.toLocaleString("es-BO")} %</td><td className="px-3 py-2">{segundos(c.latencia_ms.p50)} / {segundos(c.latencia_ms.p95)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="mb-2 font-semibold">Errores por tipo (intentos fallidos)</h2>
      <ul className="mb-6 text-sm">{Object.entries(m.errores_por_tipo).map(([tipo, n]) => <li key={tipo}>{tipo}: {n} (entregas descartadas: {m.entregas_fallidas_por_tipo[tipo]})</li>)}</ul>
      <h2 className="mb-2 font-semibold">Entregas fallidas ({fallidas.total})</h2>
      {fallidas.entregas.length === 0 ? (
        <p className="mb-6 text-slate-600">No hay entregas fallidas.</p>
      ) : (
        <ul className="mb-6 divide-y divide-slate-100 rounded-lg bg-white text-sm ring-1 ring-slate-200" data-testid="entregas-fallidas">
          {fallidas.entregas.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span>
                Reserva #{e.reserva_id} · {e.canal === "EMAIL" ? `correo a ${e.destinatario}` : "evento en vivo"} · {e.intentos} intentos · {e.error_tipo}: {e.error}
              </span>
              <BotonReintentar entregaId={e.id} destinatario={e.destinatario} />
            </li>
          ))}
        </ul>
      )}
      <h2 className="mb-2 font-semibold">Volumen por día</h2>
      {m.volumen_por_dia.length === 0 ? <p className="text-slate-600">Sin reprogramaciones en el periodo.</p> : (
        <ul className="text-sm">{m.volumen_por_dia.map((d) => <li key={d.fecha}>{d.fecha}: {d.reprogramaciones} reprogramaciones, {d.correos_enviados} correos, {d.eventos_enviados} eventos en vivo</li>)}</ul>
      )}
    </>
  );
}
