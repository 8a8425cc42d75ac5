import { CalendarioCapacidad } from "@/components/admin/CalendarioCapacidad";
import { FormularioCapacidadPorDefecto } from "@/components/admin/FormularioCapacidadPorDefecto";
import { Alert } from "@/components/ui/alert";
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
  const excedidos = datos.dias.filter((d) => d.ocupadas > d.capacidad);
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
      {excedidos.length > 0 && (
        <Alert tono="aviso" title="Días sobre su capacidad">
          <p>Una importación trajo más reservas que lugares: se respetan, y esos días no admiten reprogramaciones hacia ellos hasta que se liberen lugares o se amplíe el cupo.</p>
          <ul className="mt-1 list-disc pl-5" data-testid="dias-excedidos">
            {excedidos.map((d) => <li key={d.fecha}>{d.fecha}: {d.ocupadas} reserva{d.ocupadas === 1 ? "" : "s"} para {d.capacidad} lugar{d.capacidad === 1 ? "" : "es"}</li>)}
          </ul>
        </Alert>
      )}
      <Card aria-labelledby="titulo-mes">
        <CardHeader title="Días del mes" titleId="titulo-mes" />
        <CalendarioCapacidad datos={datos} zona={zona} guardarDia={guardarCapacidadDia} />
      </Card>
    </div>
  );
}
