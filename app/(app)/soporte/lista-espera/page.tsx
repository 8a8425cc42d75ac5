// Support's waiting lists: each coming day with people in line, who is first, and open offers.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { formatearFechaCorta, zonaAgencia } from "@/lib/formato/fecha";
import { listasDeEsperaPorDia } from "@/lib/lista-espera/por-dia";

export const dynamic = "force-dynamic";
export const metadata = { title: "Listas de espera · Soporte" };

const fechaLarga = (dia: string) => new Intl.DateTimeFormat("es-BO", { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${dia}T12:00:00Z`));

export default async function ListasDeEsperaPage() {
  await actorDePagina(["OPERADOR", "ADMIN"], "/soporte/lista-espera");
  const zona = zonaAgencia();
  const dias = await listasDeEsperaPorDia(prisma, zona);
  return (
    <div className="space-y-4">
      <nav aria-label="Ruta"><Link href="/soporte" className="text-sm text-blue-800 hover:underline">← Panel de soporte</Link></nav>
      <h1 className="text-2xl font-semibold">Listas de espera</h1>
      <p className="text-slate-700">Días llenos con clientes esperando un lugar. Cuando uno se libera, se ofrece a la primera persona y se guarda para ella por un tiempo. Horas en {zona}.</p>
      {dias.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-600 ring-1 ring-slate-200">No hay nadie en lista de espera para los próximos días.</p>
      ) : (
        dias.map(({ dia, personas }) => (
          <Card key={dia} aria-labelledby={`dia-${dia}`} data-testid="lista-dia">
            <CardHeader title={<span className="first-letter:uppercase">{fechaLarga(dia)}</span>} titleId={`dia-${dia}`} actions={<Badge tono="info">{personas.length} en la lista</Badge>} />
            <ol className="divide-y divide-slate-100 text-sm">
              {personas.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="min-w-0">
                    <span className="mr-2 inline-block w-6 text-right font-semibold">{p.posicion ?? "—"}</span>
                    <Link href={`/soporte/reservas/${p.reserva_id}`} className="text-blue-800 underline">Reserva #{p.reserva_id}</Link> · {p.cliente} <span className="break-all text-slate-600">({p.email})</span> · {p.destino}
                  </span>
                  {p.estado === "OFERTADA" ? (
                    <Badge tono="exito">Lugar ofrecido hasta {formatearFechaCorta(p.oferta_vence_at!, zona)}</Badge>
                  ) : (
                    <span className="text-slate-600">En espera desde {formatearFechaCorta(p.creada_at, zona)}</span>
                  )}
                </li>
              ))}
            </ol>
          </Card>
        ))
      )}
    </div>
  );
}
