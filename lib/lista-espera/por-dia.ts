// Support's view of the waiting lists: every day from today with people in line, in order, with the
// open offers and their deadlines.
import type { Db } from "@/lib/db/client";
import { fechaLocal } from "@/lib/reprogramacion/calendario";
import { POSICION_EN_FILA } from "./entradas";

export interface PersonaEnLista {
  id: number;
  reserva_id: number;
  cliente: string;
  email: string;
  destino: string;
  estado: "ESPERANDO" | "OFERTADA";
  posicion: number | null;
  oferta_vence_at: string | null;
  creada_at: string;
}

export async function listasDeEsperaPorDia(db: Db, zona: string, ahora = new Date()) {
  const filas = await db.$queryRaw<(Omit<PersonaEnLista, "oferta_vence_at" | "creada_at"> & { dia: string; oferta_vence_at: Date | null; creada_at: Date })[]>`
    SELECT to_char(e.dia, 'YYYY-MM-DD') AS dia, e.id, e.reserva_id, u.nombre || ' ' || u.apellido AS cliente, u.email, r.destino, e.estado::text AS estado,
           ${POSICION_EN_FILA} AS posicion,
           e.oferta_vence_at, e.created_at AS creada_at
    FROM entrada_lista_espera e JOIN reserva r ON r.id = e.reserva_id JOIN usuario u ON u.id = r.usuario_id
    WHERE e.estado IN ('ESPERANDO', 'OFERTADA') AND e.dia >= ${fechaLocal(ahora, zona)}::date
    ORDER BY e.dia, e.estado DESC, e.id`;
  const dias = new Map<string, PersonaEnLista[]>();
  for (const { dia, ...f } of filas)
    dias.set(dia, [...(dias.get(dia) ?? []), { ...f, oferta_vence_at: f.oferta_vence_at?.toISOString() ?? null, creada_at: f.creada_at.toISOString() }]);
  return [...dias].map(([dia, personas]) => ({ dia, personas }));
}
