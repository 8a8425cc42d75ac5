// Support's reservation search as the /soporte page reads it from its URL: words, state, and a
// range of local days in the agency zone, turned into the same filters as GET /api/reservas/.
import { z } from "zod";
import { EstadoReserva } from "@/lib/generated/prisma/enums";
import { enFechaLocal } from "@/lib/reprogramacion/calendario";
import { diaIso, opcionalEnFormulario, texto } from "@/lib/validacion";
import { filtrosReservasSchema, type FiltrosReservas } from "./consultas";

export const POR_PAGINA_SOPORTE = 20;


export const busquedaSoporteSchema = z.object({
  q: opcionalEnFormulario(texto(100)),
  estado: opcionalEnFormulario(z.enum(EstadoReserva, { error: "Estado desconocido" })),
  desde: opcionalEnFormulario(diaIso("Use una fecha AAAA-MM-DD")),
  hasta: opcionalEnFormulario(diaIso("Use una fecha AAAA-MM-DD")),
  pagina: opcionalEnFormulario(z.string().regex(/^\d{1,5}$/).transform(Number).pipe(z.number().min(1))),
});
export type BusquedaSoporte = z.infer<typeof busquedaSoporteSchema>;

/** The URL's search, or an empty one with the problem when the URL was edited by hand. */
export function leerBusqueda(params: Record<string, string | string[] | undefined>): { busqueda: BusquedaSoporte; error: string | null } {
  const planos = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const r = busquedaSoporteSchema.safeParse(planos);
  return r.success ? { busqueda: r.data, error: null } : { busqueda: {}, error: "Algunos filtros de la dirección no eran válidos y se ignoraron." };
}

export function filtrosDeBusqueda(b: BusquedaSoporte, zona: string): FiltrosReservas {
  return filtrosReservasSchema.parse({
    q: b.q,
    estado: b.estado,
    desde: b.desde ? enFechaLocal(b.desde, 0, 0, zona).toISOString() : undefined,
    hasta: b.hasta ? enFechaLocal(b.hasta, 24, 0, zona).toISOString() : undefined,
    pagina: String(b.pagina ?? 1),
    por_pagina: String(POR_PAGINA_SOPORTE),
  });
}
