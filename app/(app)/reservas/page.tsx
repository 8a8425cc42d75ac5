import { TablaReservas } from "@/components/reservas/TablaReservas";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { filtrosReservasSchema, listarReservas } from "@/lib/reservas/consultas";
import { serializarReserva } from "@/lib/reservas/serializar";

export const metadata = { title: "Mis reservas" };

export default async function MisReservasPage() {
  const actor = await actorDePagina(["CLIENTE"], "/reservas");
  const { reservas } = await listarReservas(prisma, actor, filtrosReservasSchema.parse({}));
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Mis reservas</h1>
      <TablaReservas reservas={reservas.map(serializarReserva)} />
    </>
  );
}
