import { TablaReservas } from "@/components/reservas/TablaReservas";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { filtrosReservasSchema, listarReservas } from "@/lib/reservas/consultas";
import { serializarReserva } from "@/lib/reservas/serializar";

export const metadata = { title: "Soporte" };

export default async function SoportePage() {
  const actor = await actorDePagina(["OPERADOR", "ADMIN"], "/soporte");
  const { reservas, total } = await listarReservas(prisma, actor, filtrosReservasSchema.parse({ desde: new Date().toISOString() }));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Panel de soporte</h1>
      <p className="mb-4 text-slate-600">Próximas reservas de todos los clientes ({total}).</p>
      <TablaReservas reservas={reservas.map(serializarReserva)} mostrarCliente />
    </>
  );
}
