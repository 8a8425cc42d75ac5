import { notFound } from "next/navigation";
import { FormularioRegla } from "@/components/admin/FormularioRegla";
import { actorDePagina, oPagina404 } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { zonaAgencia } from "@/lib/formato/fecha";
import { obtenerRegla } from "@/lib/reglas/gestion";
import { guardarRegla } from "../actions";

export const metadata = { title: "Editar regla" };

export default async function EditarReglaPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await actorDePagina(["ADMIN"], `/admin/reglas/${id}`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const regla = await oPagina404(obtenerRegla(prisma, Number(id)));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Editar: {regla.nombre}</h1>
      <FormularioRegla inicial={{ ...regla, condiciones_extras: (regla.condiciones_extras ?? {}) as Record<string, unknown> }} zona={zonaAgencia()} guardar={guardarRegla} />
    </div>
  );
}
