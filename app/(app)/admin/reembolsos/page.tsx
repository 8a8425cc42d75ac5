import Link from "next/link";
import { ListaReembolsos } from "@/components/admin/reembolsos/ListaReembolsos";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { formatearMonto } from "@/lib/formato/dinero";
import { zonaAgencia } from "@/lib/formato/fecha";
import { listarReembolsos } from "@/lib/reembolsos/gestion";
import { marcarPagadoAccion } from "./actions";

export const metadata = { title: "Reembolsos" };

const FILTROS = [
  { estado: "PENDIENTE", texto: "Pendientes" },
  { estado: "PAGADO", texto: "Pagados" },
  { estado: "", texto: "Todos" },
] as const;

export default async function ReembolsosPage({ searchParams }: { searchParams: Promise<{ estado?: string }> }) {
  await actorDePagina(["ADMIN"], "/admin/reembolsos");
  const pedido = (await searchParams).estado;
  const estado = pedido === "PAGADO" || pedido === "" ? pedido : "PENDIENTE";
  const { reembolsos, pendientes, monto_pendiente } = await listarReembolsos(prisma, estado ? { estado } : {});
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Reembolsos</h1>
        <p className="text-sm text-slate-700">Lo que las cancelaciones deben a los clientes. {pendientes} pendiente{pendientes === 1 ? "" : "s"} por {formatearMonto(monto_pendiente)}.</p>
      </div>
      <Card aria-labelledby="titulo-reembolsos">
        <CardHeader title="Cancelaciones con reembolso" titleId="titulo-reembolsos" actions={<ButtonLink href={`/api/admin/reembolsos/csv${estado ? `?estado=${estado}` : ""}`} variante="secundario" prefetch={false} download>Descargar CSV</ButtonLink>} />
        <nav aria-label="Filtro de reembolsos" className="mb-3 flex flex-wrap gap-2 text-sm">
          {FILTROS.map((f) => (
            <Link key={f.texto} href={`/admin/reembolsos?estado=${f.estado}`} aria-current={f.estado === estado ? "page" : undefined} className="rounded-full px-3 py-2 ring-1 ring-slate-300 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white">
              {f.texto}
            </Link>
          ))}
        </nav>
        <ListaReembolsos reembolsos={reembolsos} zona={zonaAgencia()} marcar={marcarPagadoAccion} />
      </Card>
    </div>
  );
}
