// Listing reservations. A client only ever sees their own (single ones: reservaDelActor).
import { z } from "zod";
import { porPalabra } from "@/lib/busqueda";
import { paginacion, ventana } from "@/lib/paginacion";
import type { Actor } from "@/lib/auth/credenciales";
import { esStaff } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { EstadoReserva } from "@/lib/generated/prisma/enums";
import { fechaIso, idDeConsulta, texto } from "@/lib/validacion";
import { INCLUIR_RESERVA } from "./serializar";

export const filtrosReservasSchema = z
  .object({
    usuario: idDeConsulta.optional(),
    /** The agency's own booking code (referencia_externa), exact. */
    referencia: texto(100).optional(),
    /** Words that must all appear in the client's name or email, the destination, or be the id ("#12"). */
    q: texto(100).optional(),
    estado: z.enum(EstadoReserva).optional(),
    desde: fechaIso("Indique la fecha").optional(),
    hasta: fechaIso("Indique la fecha").optional(),
    ...paginacion(50, 200),
  })
  .strict();
export type FiltrosReservas = z.infer<typeof filtrosReservasSchema>;

export async function listarReservas(db: Db, actor: Actor, filtros: FiltrosReservas) {
  const where: Prisma.ReservaWhereInput = {
    usuarioId: esStaff(actor.rol) ? filtros.usuario : actor.id,
    // A manage-link session lists only its reservation.
    ...(actor.reservaId != null ? { id: actor.reservaId } : {}),
    estado: filtros.estado,
    referenciaExterna: filtros.referencia || undefined,
    AND: terminosDeBusqueda(filtros.q),
    fechaInicio: filtros.desde || filtros.hasta ? { gte: filtros.desde ? new Date(filtros.desde) : undefined, lt: filtros.hasta ? new Date(filtros.hasta) : undefined } : undefined,
  };
  const [total, reservas] = await Promise.all([
    db.reserva.count({ where }),
    db.reserva.findMany({
      where,
      include: INCLUIR_RESERVA,
      orderBy: [{ fechaInicio: "asc" }, { id: "asc" }],
      ...ventana(filtros),
    }),
  ]);
  return { total, pagina: filtros.pagina, por_pagina: filtros.por_pagina, reservas };
}

function terminosDeBusqueda(q: string | undefined): Prisma.ReservaWhereInput[] {
  return porPalabra(q, (t, contiene) => {
    const id = /^#?\d{1,9}$/.test(t) ? Number(t.replace("#", "")) : null;
    return {
      OR: [
        { destino: contiene },
        { usuario: { nombre: contiene } },
        { usuario: { apellido: contiene } },
        { usuario: { email: contiene } },
        ...(id ? [{ id }] : []),
      ],
    };
  });
}
