import { Suspense } from "react";
import { PanelNotificaciones } from "@/components/notificaciones/PanelNotificaciones";
import { BusquedaReservas } from "@/components/soporte/BusquedaReservas";
import { ResultadosReservas } from "@/components/soporte/ResultadosReservas";
import { Alert } from "@/components/ui/alert";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { zonaAgencia } from "@/lib/formato/fecha";
import { filtrosNotificacionesSchema, listarNotificaciones } from "@/lib/notificaciones/lista";
import { configuracionNavegador } from "@/lib/notificaciones/tiempo-real/configuracion";
import { filtrosDeBusqueda, leerBusqueda, POR_PAGINA_SOPORTE } from "@/lib/reservas/busqueda";
import { listarReservas } from "@/lib/reservas/consultas";
import { serializarReserva } from "@/lib/reservas/serializar";

export const dynamic = "force-dynamic";
export const metadata = { title: "Soporte" };

export default async function SoportePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await actorDePagina(["OPERADOR", "ADMIN"], "/soporte");
  const zona = zonaAgencia();
  const { busqueda, error } = leerBusqueda(await searchParams);
  const [{ reservas, total, pagina }, notificaciones] = await Promise.all([
    listarReservas(prisma, actor, filtrosDeBusqueda(busqueda, zona)),
    listarNotificaciones(prisma, filtrosNotificacionesSchema.parse({})),
  ]);
  const enlace = (n: number) => {
    const p = new URLSearchParams(Object.entries(busqueda).filter(([k, v]) => k !== "pagina" && v !== undefined).map(([k, v]) => [k, String(v)]));
    p.set("pagina", String(n));
    return `/soporte?${p}`;
  };
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Panel de soporte</h1>
      <p className="mb-4 text-slate-700">Cada reprogramación aparece aquí al instante. Toque una para abrir la reserva.</p>
      <PanelNotificaciones configuracion={configuracionNavegador()} inicial={notificaciones} zona={zona} />
      <section aria-labelledby="titulo-busqueda" className="space-y-4">
        <h2 id="titulo-busqueda" className="text-lg font-semibold">Buscar reservas</h2>
        <Suspense>
          <BusquedaReservas zona={zona} />
        </Suspense>
        {error && <Alert tono="aviso">{error}</Alert>}
        <ResultadosReservas reservas={reservas.map(serializarReserva)} total={total} pagina={pagina} paginas={Math.max(Math.ceil(total / POR_PAGINA_SOPORTE), 1)} zona={zona} enlace={enlace} />
      </section>
    </>
  );
}
