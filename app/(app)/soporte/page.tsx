import { PanelNotificaciones } from "@/components/notificaciones/PanelNotificaciones";
import { TablaReservas } from "@/components/reservas/TablaReservas";
import { zonaAgencia } from "@/lib/formato/fecha";
import { filtrosNotificacionesSchema, listarNotificaciones } from "@/lib/notificaciones/lista";
import { configuracionNavegador } from "@/lib/notificaciones/tiempo-real/configuracion";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { filtrosReservasSchema, listarReservas } from "@/lib/reservas/consultas";
import { serializarReserva } from "@/lib/reservas/serializar";

export const dynamic = "force-dynamic";
export const metadata = { title: "Soporte" };

export default async function SoportePage() {
  const actor = await actorDePagina(["OPERADOR", "ADMIN"], "/soporte");
  const [{ reservas, total }, notificaciones] = await Promise.all([
    listarReservas(prisma, actor, filtrosReservasSchema.parse({ desde: new Date().toISOString() })),
    listarNotificaciones(prisma, filtrosNotificacionesSchema.parse({})),
  ]);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Panel de soporte</h1>
      <p className="mb-4 text-slate-600">Cada reprogramación aparece aquí al instante.</p>
      <PanelNotificaciones configuracion={configuracionNavegador()} inicial={notificaciones} zona={zonaAgencia()} />
      <h2 className="mb-2 text-lg font-semibold">Próximas reservas de todos los clientes ({total})</h2>
      <TablaReservas reservas={reservas.map(serializarReserva)} mostrarCliente />
    </>
  );
}
