import Link from "next/link";
import { ReprogramacionMasiva } from "@/components/admin/ReprogramacionMasiva";
import { ESTADOS } from "@/components/reservas/EstadoReserva";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { formatearFechaCorta, zonaAgencia } from "@/lib/formato/fecha";
import { candidatasDeLote, lotesRecientes, MAXIMO_POR_LOTE } from "@/lib/reprogramacion/lotes";
import { filtrosDeBusqueda, leerBusqueda } from "@/lib/reservas/busqueda";
import { ejecutarMasiva, simularMasiva } from "./actions";

export const metadata = { title: "Reprogramación masiva" };

export default async function MasivaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await actorDePagina(["ADMIN"], "/admin/reprogramaciones");
  const zona = zonaAgencia();
  const { busqueda, error } = leerBusqueda(await searchParams);
  const filtrado = Boolean(busqueda.q || busqueda.estado || busqueda.desde || busqueda.hasta);
  const [{ reservas }, recientes] = await Promise.all([
    filtrado ? candidatasDeLote(prisma, actor, filtrosDeBusqueda(busqueda, zona)) : Promise.resolve({ reservas: [] }),
    lotesRecientes(prisma),
  ]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Reprogramación masiva</h1>
        <p className="text-sm text-slate-700">Filtre las reservas, elija la nueva fecha, pruebe sin cambios y luego reprograme (hasta {MAXIMO_POR_LOTE.toLocaleString("es-BO")} por vez).</p>
      </div>
      <Card aria-labelledby="titulo-filtro">
        <CardHeader title="Filtro" titleId="titulo-filtro" />
        <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
          <Field id="q" label="Destino, cliente o n.º">{(p) => <Input {...p} name="q" defaultValue={busqueda.q ?? ""} />}</Field>
          <Field id="estado-filtro" label="Estado">
            {(p) => (
              <Select {...p} name="estado" defaultValue={busqueda.estado ?? ""}>
                <option value="">Todos</option>
                {Object.entries(ESTADOS).map(([v, { texto }]) => <option key={v} value={v}>{texto}</option>)}
              </Select>
            )}
          </Field>
          <Field id="desde" label={`Desde (${zona})`}>{(p) => <Input {...p} type="date" name="desde" defaultValue={busqueda.desde ?? ""} />}</Field>
          <Field id="hasta" label={`Hasta (${zona})`}>{(p) => <Input {...p} type="date" name="hasta" defaultValue={busqueda.hasta ?? ""} />}</Field>
          <Button type="submit" variante="secundario">Filtrar</Button>
        </form>
        {error && <div className="mt-3"><Alert tono="aviso">{error}</Alert></div>}
      </Card>
      {filtrado ? (
        <ReprogramacionMasiva
          key={JSON.stringify(busqueda)}
          candidatas={reservas.map((r) => ({ id: r.id, cliente: `${r.usuario.nombre} ${r.usuario.apellido}`, destino: r.destino, fecha_inicio: r.fechaInicio.toISOString(), estado: r.estado }))}
          zona={zona}
          simular={simularMasiva}
          ejecutar={ejecutarMasiva}
        />
      ) : (
        <p className="text-sm text-slate-700">Use el filtro para elegir las reservas.</p>
      )}
      <Card aria-labelledby="titulo-recientes">
        <CardHeader title="Ejecuciones recientes" titleId="titulo-recientes" />
        {recientes.length === 0 ? <p className="text-sm text-slate-700">Todavía no hay reprogramaciones masivas.</p> : (
          <ul className="divide-y divide-slate-100 text-sm">
            {recientes.map((l) => (
              <li key={l.id} className="flex flex-wrap justify-between gap-2 py-2">
                <Link href={`/admin/reprogramaciones/${l.id}`} className="text-blue-800 underline underline-offset-2">Ejecución #{l.id}</Link>
                <span>{formatearFechaCorta(l.createdAt, zona)} · {l.movidas} de {l.total} movidas · {l.estado === "TERMINADO" ? "terminada" : "en curso"}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
