import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, ruta, metodos } from "@/lib/http/api";
import { progresoComoEventos } from "@/lib/http/progreso";
import { estadoLote } from "@/lib/reprogramacion/lotes";

export const dynamic = "force-dynamic";

// Server-Sent Events: the run's counters and each reservation's result as it is processed, until done.
const get = ruta<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  await requerirRol(["ADMIN"]);
  const id = idDeRuta((await params).id, "La reprogramación masiva");
  const primero = await estadoLote(prisma, id);
  let visto = primero.items.at(-1)?.orden ?? -1;
  const siguiente = async () => {
    const estado = await estadoLote(prisma, id, visto);
    if (estado.items.length) visto = estado.items.at(-1)!.orden;
    return estado;
  };
  return progresoComoEventos(request, primero, siguiente, (estado) => estado.estado === "TERMINADO");
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
