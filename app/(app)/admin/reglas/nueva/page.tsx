import { FormularioRegla, REGLA_NUEVA } from "@/components/admin/FormularioRegla";
import { actorDePagina } from "@/lib/auth/pagina";
import { zonaAgencia } from "@/lib/formato/fecha";
import { guardarRegla } from "../actions";

export const metadata = { title: "Nueva regla" };

export default async function NuevaReglaPage() {
  await actorDePagina(["ADMIN"], "/admin/reglas/nueva");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Nueva regla</h1>
      <FormularioRegla inicial={REGLA_NUEVA} zona={zonaAgencia()} guardar={guardarRegla} />
    </div>
  );
}
