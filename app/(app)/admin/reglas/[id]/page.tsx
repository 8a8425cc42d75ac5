import { notFound } from "next/navigation";
import { FormularioRegla } from "@/components/admin/FormularioRegla";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { zonaAgencia } from "@/lib/formato/fecha";
import { obtenerRegla } from "@/lib/reglas/gestion";
import { guardarRegla } from "../actions";

export const metadata = { title: "Editar regla" };

export default async function EditarReglaPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await actorDePagina(["ADMIN"], `/admin/reglas/${id}`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const regla = await obtenerRegla(prisma, Number(id)).catch((e) => {
    if (e instanceof ErrorDominio && e.status === 404) notFound();
    throw e;
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Editar: {regla.nombre}</h1>
      <FormularioRegla inicial={{ ...regla, condiciones_extras: (regla.condiciones_extras ?? {}) as Record<string, unknown> }} zona={zonaAgencia()} guardar={guardarRegla} />
    </div>
  );
}
