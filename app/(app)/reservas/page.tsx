import { redirect } from "next/navigation";
import { TarjetaReserva } from "@/components/reservas/TarjetaReserva";
import { Card } from "@/components/ui/card";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { zonaAgencia } from "@/lib/formato/fecha";
import { reprogramabilidades } from "@/lib/reprogramacion/reprogramable";
import { filtrosReservasSchema, listarReservas } from "@/lib/reservas/consultas";
import { serializarReserva } from "@/lib/reservas/serializar";

export const metadata = { title: "Mis reservas" };

export default async function MisReservasPage({ searchParams }: { searchParams: Promise<{ reserva?: string }> }) {
  const actor = await actorDePagina(["CLIENTE"], "/reservas");
  // The emails link to /reservas?reserva=N: open that reservation (its page checks it is theirs).
  const { reserva } = await searchParams;
  if (reserva && /^\d{1,9}$/.test(reserva)) redirect(`/reservas/${reserva}`);
  const { reservas } = await listarReservas(prisma, actor, filtrosReservasSchema.parse({}));
  const verdictos = await reprogramabilidades(prisma, actor, reservas);
  return (
    <>
      <div className="mb-4">
        <h1 className="text-2xl font-semibold">Mis reservas</h1>
        <p className="text-sm text-slate-600">Fechas y horas en hora de {zonaAgencia()}.</p>
      </div>
      {reservas.length === 0 ? (
        <Card>
          <p className="font-medium">Todavía no tiene reservas.</p>
          <p className="mt-1 text-sm text-slate-600">Cuando su agencia registre un viaje a su nombre, aparecerá aquí y podrá reprogramarlo.</p>
        </Card>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {reservas.map((r) => (
            <li key={r.id}>
              <TarjetaReserva reserva={serializarReserva(r)} verdicto={verdictos.get(r.id)!} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
