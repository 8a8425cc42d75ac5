import Link from "next/link";
import { FormularioReprogramacion } from "@/components/reprogramacion/FormularioReprogramacion";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { calendarioDeReserva } from "@/lib/reprogramacion/calendario-reserva";
import { reprogramabilidades } from "@/lib/reprogramacion/reprogramable";
import { reservaDePagina } from "@/lib/reservas/pagina";
import { esperasDeReserva } from "@/lib/lista-espera/entradas";
import { salirListaEsperaAccion, unirseListaEsperaAccion } from "../actions";
import { reprogramarDesdeFormulario } from "./actions";

export const metadata = { title: "Reprogramar reserva" };

export default async function ReprogramarPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await actorDePagina(["CLIENTE"], `/reservas/${id}/reprogramar`);
  const reserva = await reservaDePagina(prisma, actor, id);
  const verdicto = (await reprogramabilidades(prisma, actor, [reserva])).get(reserva.id)!;
  return (
    <div className="space-y-4">
      <nav aria-label="Ruta"><Link href={`/reservas/${reserva.id}`} className="text-sm text-blue-800 hover:underline">← {reserva.destino}</Link></nav>
      <h1 className="text-2xl font-semibold">Reprogramar: {reserva.destino}</h1>
      {verdicto.puede ? (
        <FormularioReprogramacion
          reservaId={reserva.id}
          calendario={await calendarioDeReserva(prisma, actor, reserva.id)}
          fechaActual={reserva.fechaInicio.toISOString()}
          total={reserva.total.toFixed(2)}
          moneda={reserva.moneda}
          restantes={verdicto.restantes}
          enviar={reprogramarDesdeFormulario}
          rutaExito={`/reservas/${reserva.id}/reprogramar/listo?historial=`}
          listaEspera={{ entradas: (await esperasDeReserva(prisma, actor, reserva.id)).entradas, unirse: unirseListaEsperaAccion, salir: salirListaEsperaAccion }}
        />
      ) : (
        <div className="space-y-3">
          <Alert tono="aviso" title="Esta reserva no se puede reprogramar">{verdicto.motivo}. Si lo necesita, escriba a soporte.</Alert>
          <ButtonLink href="/reservas" variante="secundario">Volver a mis reservas</ButtonLink>
        </div>
      )}
    </div>
  );
}
