// A freed place goes to the first in line as an offer held for a while (LISTA_ESPERA_OFERTA_SEGUNDOS,
// 12 h by default), during which it counts as taken. Accepting runs the ordinary reschedule; an offer
// that expires or is declined passes to the next. Database triggers ask for ofrecerLugares whenever a
// place may have freed up on a day with a line (a reservation moved away or cancelled, capacity
// raised, an offer closed untaken), whatever code path did it.
//
// Concurrency: offering takes the day's lock, the same one every booking into the day takes, and
// counts reservations plus open offers under it; a booking counts open offers and the people waiting
// as taken. So one free place is never offered twice nor booked behind the line's back.
import { z } from "zod";
import type { Actor } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { zonaAgencia } from "@/lib/formato/fecha";
import { enteroDelEntorno } from "@/lib/entorno";
import { encolarOferta } from "@/lib/notificaciones/encolar";
import { columnaDeDia, diaDeColumna, enFechaLocal, mismaHoraEnDia } from "@/lib/reprogramacion/calendario";
import { bloquearDia, obtenerConfiguracion } from "@/lib/reprogramacion/datos";
import { aplicarReprogramacion, reservaDelActor, type Reloj } from "@/lib/reprogramacion/reprogramar";
import { interpretarSolicitud } from "@/lib/reprogramacion/solicitud";
import { diaIso, parsearCon } from "@/lib/validacion";

export const TAREA_OFRECER = "ofrecer_lugares";
export const TAREA_VENCER = "vencer_oferta";
export const cargaOfrecer = z.object({ dia: diaIso() });
export const cargaVencer = z.object({ esperaId: z.number().int().positive() });

/** How long an offered place is held for its client. */
export const segundosDeOferta = () => enteroDelEntorno("LISTA_ESPERA_OFERTA_SEGUNDOS", 12 * 3600, 1);

/** Offers a day's free places to its line, in order. Returns the ids of the entries offered. */
export async function ofrecerLugares(db: Db, dia: string, reloj: Reloj = {}): Promise<number[]> {
  const zona = reloj.zona ?? zonaAgencia();
  return db.$transaction(async (tx) => {
    await bloquearDia(tx, dia);
    const config = await obtenerConfiguracion(tx);
    const [{ libres }] = await tx.$queryRaw<{ libres: number }[]>`
      SELECT coalesce((SELECT capacidad_maxima FROM capacidad_fecha WHERE fecha = ${dia}::date), ${config.capacidadDiariaPorDefecto})
             - (SELECT count(*) FROM reserva WHERE fecha_inicio >= ${enFechaLocal(dia, 0, 0, zona)} AND fecha_inicio < ${enFechaLocal(dia, 24, 0, zona)} AND estado <> 'CANCELADA')
             - (SELECT count(*) FROM entrada_lista_espera WHERE dia = ${dia}::date AND estado = 'OFERTADA') AS libres`;
    if (libres <= 0) return [];
    const enFila = await tx.$queryRaw<{ id: number; estado_reserva: string; email: string; telefono: string | null; sms_activo: boolean }[]>`
      SELECT e.id, r.estado::text AS estado_reserva, u.email, u.telefono, u.sms_activo
      FROM entrada_lista_espera e JOIN reserva r ON r.id = e.reserva_id JOIN usuario u ON u.id = r.usuario_id
      WHERE e.dia = ${dia}::date AND e.estado = 'ESPERANDO'
      ORDER BY e.id
      FOR UPDATE OF e`;
    const ahora = reloj.ahora ?? new Date();
    const vence = new Date(ahora.getTime() + segundosDeOferta() * 1000);
    const ofrecidas: number[] = [];
    for (const entrada of enFila) {
      if (ofrecidas.length >= libres) break;
      // A reservation that can no longer move leaves the line instead of taking the place.
      if (entrada.estado_reserva === "CANCELADA" || entrada.estado_reserva === "COMPLETADA") {
        await tx.entradaListaEspera.update({ where: { id: entrada.id }, data: { estado: "RETIRADA", cerradaAt: ahora } });
        continue;
      }
      await tx.$executeRaw`
        WITH oferta AS (
          UPDATE entrada_lista_espera SET estado = 'OFERTADA', ofertada_at = ${ahora}, oferta_vence_at = ${vence} WHERE id = ${entrada.id} RETURNING id)
        SELECT graphile_worker.add_job(${TAREA_VENCER}, json_build_object('esperaId', oferta.id), run_at => ${vence}::timestamptz,
                                       job_key => ${`${TAREA_VENCER}:${entrada.id}`}, max_attempts => 5)
        FROM oferta`;
      await encolarOferta(tx, entrada.id, { email: entrada.email, smsCliente: entrada.sms_activo ? entrada.telefono : null });
      ofrecidas.push(entrada.id);
    }
    return ofrecidas;
  });
}

/** Closes an offer whose time ran out; the trigger then offers the place to the next in line. */
export async function vencerOferta(db: Db, esperaId: number, ahora = new Date()): Promise<boolean> {
  const cerradas = await db.$executeRaw`
    UPDATE entrada_lista_espera SET estado = 'VENCIDA', cerrada_at = ${ahora}
    WHERE id = ${esperaId} AND estado = 'OFERTADA' AND oferta_vence_at <= ${ahora}`;
  return cerradas > 0;
}

/**
 * Closes the waits for days that have ended: nobody can move there any more, so they must not show
 * as a place in line nor hold anything. Run by the worker's housekeeping sweep.
 */
export async function cerrarEsperasPasadas(db: Db, ahora = new Date()): Promise<number> {
  return db.$executeRaw`
    UPDATE entrada_lista_espera SET estado = 'VENCIDA', cerrada_at = ${ahora}
    WHERE estado = 'ESPERANDO' AND desde < ${ahora} AND hasta <= ${ahora}`;
}

export const aceptarSchema = z.object({ fecha: diaIso().optional() }).strict();

/**
 * Takes the offered place: the ordinary reschedule to that day at the reservation's own time (every
 * rule, the limit, the history, the notifications). The trigger closes the entry as ACEPTADA.
 */
export async function aceptarOferta(db: Db, actor: Actor, reservaId: number, body: unknown, reloj: Reloj = {}) {
  const { fecha } = parsearCon(aceptarSchema, body ?? {}, "La aceptación no es válida.");
  const ahora = reloj.ahora ?? new Date();
  const zona = reloj.zona ?? zonaAgencia();
  const reserva = await reservaDelActor(db, actor, reservaId);
  const ofertas = await db.entradaListaEspera.findMany({
    where: { reservaId, estado: "OFERTADA", ...(fecha ? { dia: columnaDeDia(fecha) } : {}) },
    orderBy: { ofertadaAt: "asc" },
  });
  const oferta = ofertas[0];
  if (!oferta) throw new ErrorDominio(409, "SIN_OFERTA", "Esta reserva no tiene un lugar ofrecido de la lista de espera.");
  if (oferta.ofertaVenceAt && oferta.ofertaVenceAt.getTime() <= ahora.getTime())
    throw new ErrorDominio(409, "OFERTA_VENCIDA", "El plazo para aceptar este lugar ya venció; pasó a la siguiente persona de la lista.", { vencio_at: oferta.ofertaVenceAt.toISOString() });
  const dia = diaDeColumna(oferta.dia);
  const solicitud = interpretarSolicitud({ nueva_fecha: mismaHoraEnDia(dia, reserva.fechaInicio, zona).toISOString(), motivo: `Lugar liberado en la lista de espera del ${dia}` }, actor.rol);
  return (await aplicarReprogramacion(db, actor, reservaId, solicitud, reloj)).respuesta;
}

