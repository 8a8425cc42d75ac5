import { CalendarioCapacidad } from "@/components/admin/CalendarioCapacidad";
import { FormularioCapacidadPorDefecto } from "@/components/admin/FormularioCapacidadPorDefecto";
import { Card, CardHeader } from "@/components/ui/card";
import { capacidadDelMes } from "@/lib/agencia/capacidad";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { zonaAgencia } from "@/lib/formato/fecha";
import { fechaLocal } from "@/lib/reprogramacion/calendario";
import { guardarCapacidadDia, guardarCapacidadPorDefecto } from "./actions";

export const metadata = { title: "Capacidad por día" };

export default async function CapacidadPage({ searchParams }: { searchParams: Promise<{ mes?: string }> }) {
  await actorDePagina(["ADMIN"], "/admin/capacidad");
  const zona = zonaAgencia();
  const pedido = (await searchParams).mes;
  const mes = pedido && /^20\d\d-(0[1-9]|1[0-2])$/.test(pedido) ? pedido : fechaLocal(new Date(), zona).slice(0, 7);
  const datos = await capacidadDelMes(prisma, mes, zona);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Capacidad por día</h1>
        <p className="text-sm text-slate-700">Reservas / lugares de cada día (hora de {zona}). Toque un día para cambiar su cupo.</p>
      </div>
      <Card aria-labelledby="titulo-defecto">
        <CardHeader title="Cupo por defecto" titleId="titulo-defecto" />
        <FormularioCapacidadPorDefecto actual={datos.capacidad_por_defecto} guardar={guardarCapacidadPorDefecto} />
      </Card>
      <Card aria-labelledby="titulo-mes">
        <CardHeader title="Días del mes" titleId="titulo-mes" />
        <CalendarioCapacidad datos={datos} zona={zona} guardarDia={guardarCapacidadDia} />
      </Card>
    </div>
  );
}
