import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgresoLote } from "@/components/admin/ProgresoLote";
import { actorDePagina, oPagina404 } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { zonaAgencia } from "@/lib/formato/fecha";
import { estadoLote } from "@/lib/reprogramacion/lotes";

export const metadata = { title: "Reprogramación masiva" };

export default async function LotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await actorDePagina(["ADMIN"], `/admin/reprogramaciones/${id}`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const estado = await oPagina404(estadoLote(prisma, Number(id)));
  return (
    <div className="space-y-4">
      <nav aria-label="Ruta"><Link href="/admin/reprogramaciones" className="text-sm text-blue-800 hover:underline">← Reprogramación masiva</Link></nav>
      <h1 className="text-2xl font-semibold">Ejecución #{estado.id}</h1>
      <ProgresoLote inicial={estado} zona={zonaAgencia()} />
    </div>
  );
}
