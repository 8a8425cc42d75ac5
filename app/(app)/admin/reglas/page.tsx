import { ListaReglas } from "@/components/admin/ListaReglas";
import { ButtonLink } from "@/components/ui/button";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { zonaAgencia } from "@/lib/formato/fecha";
import { decisiones } from "@/lib/reglas/decision";
import { listarReglas } from "@/lib/reglas/gestion";
import { cargarReglas } from "@/lib/reprogramacion/datos";
import { borrarRegla, cambiarActivaRegla } from "./actions";

export const metadata = { title: "Reglas" };

export default async function ReglasPage() {
  await actorDePagina(["ADMIN"], "/admin/reglas");
  const zona = zonaAgencia();
  const [reglas, crudas] = await Promise.all([listarReglas(prisma), cargarReglas(prisma)]);
  const decision = decisiones(crudas, new Date(), zona);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Reglas de reprogramación y políticas</h1>
          <p className="text-sm text-slate-700">Entre reglas del mismo tipo decide la de prioridad más baja que se aplique a la persona.</p>
        </div>
        <ButtonLink href="/admin/reglas/nueva">Nueva regla</ButtonLink>
      </div>
      <ListaReglas reglas={reglas.map((r) => ({ ...r, condiciones_extras: (r.condiciones_extras ?? {}) as Record<string, unknown>, decision: decision.get(r.id)! }))} zona={zona} cambiarActiva={cambiarActivaRegla} borrar={borrarRegla} />
    </div>
  );
}
