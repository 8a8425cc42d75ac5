import Link from "next/link";
import { notFound } from "next/navigation";
import { InformeImportacion } from "@/components/admin/importacion/InformeImportacion";
import { ProgresoImportacion } from "@/components/admin/importacion/ProgresoImportacion";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { actorDePagina, oPagina404 } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { formatearFechaCorta, zonaAgencia } from "@/lib/formato/fecha";
import { estadoImportacion } from "@/lib/importacion/importar";

export const metadata = { title: "Importación" };

export default async function ImportacionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await actorDePagina(["ADMIN"], `/admin/importar/${id}`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const zona = zonaAgencia();
  const estado = await oPagina404(estadoImportacion(prisma, Number(id)));
  return (
    <div className="space-y-4">
      <nav aria-label="Ruta"><Link href="/admin/importar" className="text-sm text-blue-800 hover:underline">← Importar reservas</Link></nav>
      <div>
        <h1 className="text-2xl font-semibold break-all">Importación #{estado.id}: {estado.nombre_archivo}</h1>
        <p className="text-sm text-slate-700">
          {estado.creada_por}, {formatearFechaCorta(estado.creado, zona)} ({zona}){estado.enviar_bienvenida ? " · con correo de bienvenida a los clientes nuevos" : ""}
        </p>
      </div>
      <Card aria-labelledby="titulo-progreso">
        <CardHeader title="Progreso" titleId="titulo-progreso" />
        <ProgresoImportacion key={estado.estado} inicial={estado} />
      </Card>
      {estado.filas && (
        <Card aria-labelledby="titulo-resultado">
          <CardHeader title="Resultado por fila" titleId="titulo-resultado" />
          <div className="space-y-3">
            <ButtonLink href={`/api/admin/importaciones/${estado.id}/csv`} variante="secundario" prefetch={false} download>Descargar el informe (CSV)</ButtonLink>
            <InformeImportacion resumen={estado.resumen} filas={estado.filas} modo="resultado" zona={zona} />
          </div>
        </Card>
      )}
    </div>
  );
}
