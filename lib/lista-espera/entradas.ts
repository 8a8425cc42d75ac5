// The waiting list of a full day, from the reservation's side: join it (the rules checked as for a
// reschedule to that day at the reservation's own hour), see the position, leave it (which declines
// an open offer). One active entry per reservation and day.
import type { entradaListaEsperaSchema } from "@/lib/api/respuestas";
import { z } from "zod";
import type { Actor } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { ErrorDominio, noEncontrado } from "@/lib/errores";
import { zonaAgencia } from "@/lib/formato/fecha";
import { Prisma, type EntradaListaEspera } from "@/lib/generated/prisma/client";
import { columnaDeDia, diaDeColumna, enFechaLocal, fechaLocal, mismaHoraEnDia } from "@/lib/reprogramacion/calendario";
import { bloquearDia, cargarOcupacionDelDia, cargarOcupacion, type Tx } from "@/lib/reprogramacion/datos";
import { libres } from "@/lib/reprogramacion/disponibilidad";
import { feriadoNacional } from "@/lib/reprogramacion/feriados";
import { evaluarReglas } from "@/lib/reprogramacion/reglas";
import { alternativasReservables, contextoReglas, errorDeRegla, reservaDelActor, reservaYActor, validarNuevaFecha, type Reloj } from "@/lib/reprogramacion/reprogramar";
import { vigentesEnVersion } from "@/lib/reprogramacion/vigentes";
import { diaIso, fechaIso, parsearCon } from "@/lib/validacion";

const MENSAJE_FECHA = "Indique el día: AAAA-MM-DD o una fecha ISO 8601";
/** A local day, or an instant whose local day is meant (what the reschedule form sends). */
const diaSchema = z.union([diaIso(MENSAJE_FECHA), fechaIso(MENSAJE_FECHA)], { error: MENSAJE_FECHA });
export const unirseSchema = z.object({ fecha: diaSchema }).strict();
export const salirSchema = z.object({ fecha: diaSchema }).strict();

const diaDe = (fecha: string, zona: string) => (fecha.length === 10 ? fecha : fechaLocal(new Date(fecha), zona));

/**
 * Place in line of a waiting entry `e` (1 = next to be offered), null for an offered one: by id, which
 * joins take under the day's lock, so in the order they committed (ofrecerLugares walks the same order).
 */
export const POSICION_EN_FILA = Prisma.sql`(CASE WHEN e.estado = 'ESPERANDO' THEN row_number() OVER (PARTITION BY e.dia, e.estado ORDER BY e.id) END)::int`;

async function posiciones(db: Tx, ids: number[]): Promise<Map<number, { posicion: number | null; personas: number }>> {
  if (!ids.length) return new Map();
  const filas = await db.$queryRaw<{ id: number; posicion: number | null; personas: number }[]>`
    WITH dias AS (SELECT DISTINCT dia FROM entrada_lista_espera WHERE id = ANY(${ids}::int[])),
    activas AS (
      SELECT e.id, e.estado,
             ${POSICION_EN_FILA} AS posicion,
             count(*) OVER (PARTITION BY e.dia) AS personas
      FROM entrada_lista_espera e JOIN dias d ON d.dia = e.dia
      WHERE e.estado IN ('ESPERANDO', 'OFERTADA'))
    SELECT id, posicion, personas::int FROM activas WHERE id = ANY(${ids}::int[])`;
  return new Map(filas.map((f) => [f.id, { posicion: f.posicion, personas: f.personas }]));
}

export function serializarEntrada(e: EntradaListaEspera, fechaInicio: Date, lugar: { posicion: number | null; personas: number } | undefined, zona = zonaAgencia()): z.input<typeof entradaListaEsperaSchema> {
  const dia = diaDeColumna(e.dia);
  return {
    id: e.id,
    reserva_id: e.reservaId,
    fecha: dia,
    // The date the reservation would move to: its own local time on that day.
    fecha_propuesta: mismaHoraEnDia(dia, fechaInicio, zona).toISOString(),
    estado: e.estado,
    posicion: lugar?.posicion ?? null,
    personas_en_lista: lugar?.personas ?? 0,
    oferta:
      e.estado === "OFERTADA" && e.ofertaVenceAt
        ? { ofertada_at: e.ofertadaAt?.toISOString() ?? null, vence_at: e.ofertaVenceAt.toISOString(), aceptar: `/api/reservas/${e.reservaId}/lista-espera/aceptar/` }
        : null,
    creada_at: e.createdAt.toISOString(),
    cerrada_at: e.cerradaAt?.toISOString() ?? null,
  };
}
export type EntradaVisible = ReturnType<typeof serializarEntrada>;

async function serializarConPosicion(db: Tx, entradas: EntradaListaEspera[], fechaInicio: Date, zona: string) {
  const lugares = await posiciones(db, entradas.map((e) => e.id));
  return entradas.map((e) => serializarEntrada(e, fechaInicio, lugares.get(e.id), zona));
}

/** Joins the waiting list of a full day; refused if the day has room, the rules forbid it, or it is already in it. */
export async function unirseListaEspera(db: Db, actorSesion: Actor, reservaId: number, body: unknown, reloj: Reloj = {}) {
  const { fecha } = parsearCon(unirseSchema, body, "La solicitud de lista de espera no es válida.");
  const ahora = reloj.ahora ?? new Date();
  const zona = reloj.zona ?? zonaAgencia();
  return db.$transaction(async (tx) => {
    // The reservation's row lock orders every join and leave of this reservation.
    const { reserva, version } = await reservaYActor(tx, actorSesion, reservaId, true);
    const { reglas, config } = await vigentesEnVersion(tx, version);
    const dia = diaDe(fecha, zona);
    const objetivo = mismaHoraEnDia(dia, reserva.fechaInicio, zona);
    if (fechaLocal(reserva.fechaInicio, zona) === dia)
      throw new ErrorDominio(400, "MISMA_FECHA", "La reserva ya está en ese día.", { campos: { fecha: "Elija un día distinto del de la reserva" } });
    validarNuevaFecha(reserva, objetivo, ahora, config.horizonteReservaDias);
    const ctx = contextoReglas(reserva, actorSesion.rol, objetivo, ahora, zona, feriadoNacional);
    const { violadas } = evaluarReglas(reglas, ctx, []);
    if (violadas.length) {
      const sugerencias = async () => alternativasReservables(reglas, ctx, await cargarOcupacion(tx, objetivo, zona, config.capacidadDiariaPorDefecto, reserva.id), [], objetivo);
      throw await errorDeRegla(tx, violadas[0], reserva, config, objetivo, sugerencias, zona, reglas, actorSesion.rol, ahora);
    }
    const existente = await tx.entradaListaEspera.findFirst({ where: { reservaId, dia: columnaDeDia(dia), estado: { in: ["ESPERANDO", "OFERTADA"] } } });
    if (existente) {
      const [visible] = await serializarConPosicion(tx, [existente], reserva.fechaInicio, zona);
      throw new ErrorDominio(409, "YA_EN_LISTA_ESPERA", "La reserva ya está en la lista de espera de ese día.", { entrada: visible });
    }
    // The day's lock: the count and the new entry are seen together by every booking of that day.
    await bloquearDia(tx, dia);
    const cupo = libres(await cargarOcupacionDelDia(tx, objetivo, zona, config.capacidadDiariaPorDefecto, reserva.id), dia);
    if (cupo.libres > 0)
      throw new ErrorDominio(409, "FECHA_DISPONIBLE", "Ese día tiene lugares libres: puede reprogramar directamente.", { espacios_libres: cupo.libres, fecha_propuesta: objetivo.toISOString() });
    const entrada = await tx.entradaListaEspera.create({
      data: { reservaId, dia: columnaDeDia(dia), desde: enFechaLocal(dia, 0, 0, zona), hasta: enFechaLocal(dia, 24, 0, zona), creadoPorId: actorSesion.id },
    });
    const [visible] = await serializarConPosicion(tx, [entrada], reserva.fechaInicio, zona);
    return visible;
  });
}

/** Leaves a day's list: a waiting entry is withdrawn, an open offer declined (the next in line gets it). */
export async function salirListaEspera(db: Db, actorSesion: Actor, reservaId: number, consulta: unknown, reloj: Reloj = {}) {
  const { fecha } = parsearCon(salirSchema, consulta, "Indique de qué día sale de la lista de espera.");
  const zona = reloj.zona ?? zonaAgencia();
  return db.$transaction(async (tx) => {
    const { reserva } = await reservaYActor(tx, actorSesion, reservaId, true);
    const dia = diaDe(fecha, zona);
    const [entrada] = await tx.$queryRaw<{ id: number; estado: string }[]>`
      SELECT id, estado::text FROM entrada_lista_espera
      WHERE reserva_id = ${reservaId} AND dia = ${dia}::date AND estado IN ('ESPERANDO', 'OFERTADA') FOR UPDATE`;
    if (!entrada) throw noEncontrado("La reserva no está en la lista de espera de ese día.");
    const cerrada = await tx.entradaListaEspera.update({
      where: { id: entrada.id },
      data: { estado: entrada.estado === "OFERTADA" ? "RECHAZADA" : "RETIRADA", cerradaAt: reloj.ahora ?? new Date() },
    });
    return serializarEntrada(cerrada, reserva.fechaInicio, undefined, zona);
  });
}

/** The reservation's open entries (waiting or offered), with their places in line. */
export async function esperasDeReserva(db: Db, actor: Actor, reservaId: number, zona = zonaAgencia()) {
  const reserva = await reservaDelActor(db, actor, reservaId);
  const entradas = await db.entradaListaEspera.findMany({ where: { reservaId, estado: { in: ["ESPERANDO", "OFERTADA"] } }, orderBy: { dia: "asc" } });
  return { reserva_id: reservaId, entradas: await serializarConPosicion(db, entradas, reserva.fechaInicio, zona) };
}
