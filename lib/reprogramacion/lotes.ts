// Bulk moves from /admin/reprogramaciones: a dry run that says which reservations would move and
// which would not (and why), then a run the worker carries out in batches: one transaction moves
// several reservations (each its own complete reschedule, refused ones untouched), takes each
// target day's lock once, and records their results with them, so a crashed run resumes where the
// last committed batch ended without moving anything twice. Progress is kept in the database.
import { z } from "zod";
import { actorDeUsuario, type Actor } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { ErrorDominio, noEncontrado } from "@/lib/errores";
import { comoCsv } from "@/lib/formato/csv";
import { zonaAgencia } from "@/lib/formato/fecha";
import { Prisma } from "@/lib/generated/prisma/client";
import { colaDeLote, trabajoDeTanda } from "@/lib/notificaciones/encolar";
import { listarReservas } from "@/lib/reservas/consultas";
import { INCLUIR_RESERVA } from "@/lib/reservas/serializar";
import { diaIso, errorDeValidacion, fechaIso, idEntero } from "@/lib/validacion";
import { enFechaLocal, fechaLocal, mismaHoraEnDia } from "./calendario";
import { cargarOcupacionEntre, cargarReglas, cargarReservas, obtenerConfiguracion, type Tx } from "./datos";
import { libres } from "./disponibilidad";
import { feriadoNacional } from "./feriados";
import { evaluarReglas } from "./reglas";
import { contextoReglas, escribirReprogramacion, OPCIONES_TRANSACCION, problemasDeFecha, type Tanda } from "./reprogramar";
import { enteroDelEntorno } from "@/lib/entorno";
import { interpretarSolicitud } from "./solicitud";
import { errorParaRegistro, registro } from "@/lib/registro";

export const TAREA_LOTE = "reprogramacion_masiva";
export const MAXIMO_POR_LOTE = 2000;
/** Reservations per transaction: fewer commits and day locks, but a day stays locked for the whole batch. */
const reservasPorTanda = () => enteroDelEntorno("LOTE_RESERVAS_POR_TANDA", 50);

export const loteSchema = z
  .object({
    reserva_ids: z.array(idEntero(), { error: "Elija las reservas" }).min(1, "Elija al menos una reserva").max(MAXIMO_POR_LOTE, `Como máximo ${MAXIMO_POR_LOTE} reservas por vez`),
    /** One instant for every reservation… */
    nueva_fecha: fechaIso("Indique la nueva fecha").optional(),
    /** …or a local day on which each keeps its own local time. */
    dia: diaIso("Indique el día").optional(),
    /** The rest of the §3 payload (motivo, bypass_reglas, razon_bypass, compensacion_adicional, …). */
    solicitud: z.record(z.string(), z.unknown()),
  })
  .strict()
  .refine((d) => (d.nueva_fecha === undefined) !== (d.dia === undefined), { message: "Indique una nueva fecha o un día (uno de los dos)", path: ["nueva_fecha"] });
export type PedidoLote = z.infer<typeof loteSchema>;

function leerPedido(body: unknown, actor: Actor) {
  const r = loteSchema.safeParse(body);
  if (!r.success) throw errorDeValidacion(r.error, "La reprogramación masiva no es válida.");
  const pedido = { ...r.data, reserva_ids: [...new Set(r.data.reserva_ids)] };
  // The payload is checked once, as the API would for an admin (a placeholder date stands in).
  const solicitud = interpretarSolicitud({ ...pedido.solicitud, nueva_fecha: pedido.nueva_fecha ?? enFechaLocal(pedido.dia!, 12, 0, zonaAgencia()).toISOString() }, actor.rol);
  return { pedido, solicitud };
}

const fechaPara = (p: Pick<PedidoLote, "nueva_fecha" | "dia">, actual: Date, zona: string) =>
  p.nueva_fecha ? new Date(p.nueva_fecha) : mismaHoraEnDia(p.dia!, actual, zona);

const CODIGO_REGLA = { TIEMPO_MINIMO: "TIEMPO_MINIMO_VIOLADO", LIMITE_REPROGRAMACIONES: "LIMITE_REPROGRAMACIONES_EXCEDIDO", DIA_BLACKOUT: "DIA_BLACKOUT" } as const;

/** The dry run: the same rules and capacity as the run, in order, without writing anything. */
export async function simularLote(db: Db, actor: Actor, body: unknown, ahora = new Date(), zona = zonaAgencia()) {
  const { pedido, solicitud } = leerPedido(body, actor);
  const bypass = solicitud.bypass_reglas ?? [];
  const [reservas, reglas, config] = await Promise.all([
    db.reserva.findMany({ where: { id: { in: pedido.reserva_ids } }, include: INCLUIR_RESERVA }),
    cargarReglas(db),
    obtenerConfiguracion(db),
  ]);
  const porId = new Map(reservas.map((r) => [r.id, r]));
  const destinos = reservas.map((r) => fechaPara(pedido, r.fechaInicio, zona));
  const dias = destinos.map((f) => fechaLocal(f, zona)).sort();
  const ocupacion = dias.length
    ? await cargarOcupacionEntre(db, enFechaLocal(dias[0], 0, 0, zona), enFechaLocal(dias.at(-1)!, 24, 0, zona), zona, config.capacidadDiariaPorDefecto, null)
    : { capacidadPorDefecto: config.capacidadDiariaPorDefecto, capacidades: new Map(), ocupadas: new Map() };
  const ocupadas = new Map(ocupacion.ocupadas);

  const items = pedido.reserva_ids.map((id) => {
    const reserva = porId.get(id);
    if (!reserva) return { reserva_id: id, pasaria: false, error_code: "NO_ENCONTRADO", detalle: "La reserva no existe." };
    const nueva = fechaPara(pedido, reserva.fechaInicio, zona);
    const [problema] = problemasDeFecha(reserva, nueva, ahora, config.horizonteReservaDias);
    if (problema) return { reserva_id: id, pasaria: false, error_code: problema.errorCode, detalle: problema.detail };
    const [violada] = evaluarReglas(reglas, contextoReglas(reserva, actor.rol, nueva, ahora, zona, feriadoNacional), bypass).violadas;
    if (violada) return { reserva_id: id, pasaria: false, error_code: CODIGO_REGLA[violada.regla.tipoRegla], detalle: violada.regla.mensajeError };
    const dia = fechaLocal(nueva, zona);
    const desde = fechaLocal(reserva.fechaInicio, zona);
    if (desde !== dia) {
      const cupo = libres({ ...ocupacion, ocupadas }, dia);
      if (cupo.libres <= 0) return { reserva_id: id, pasaria: false, error_code: "FECHA_NO_DISPONIBLE", detalle: `Sin lugares el ${dia}: ${cupo.ocupadas} de ${cupo.capacidad}` };
      ocupadas.set(dia, (ocupadas.get(dia) ?? 0) + 1);
      if (ocupadas.has(desde)) ocupadas.set(desde, ocupadas.get(desde)! - 1);
    }
    return { reserva_id: id, pasaria: true, error_code: null, detalle: null, fecha_nueva: nueva.toISOString() };
  });
  const capacidad = [...new Set(dias)].map((dia) => ({ dia, ...libres(ocupacion, dia) }));
  const pasarian = items.filter((i) => i.pasaria).length;
  return { total: items.length, pasarian, fallarian: items.length - pasarian, capacidad, items };
}
export type Simulacion = Awaited<ReturnType<typeof simularLote>>;

/** Stores the run and queues it for the worker; the page follows its progress. */
export async function crearLote(db: Db, actor: Actor, body: unknown) {
  const { pedido } = leerPedido(body, actor);
  return db.$transaction(async (tx) => {
    const lote = await tx.loteReprogramacion.create({
      data: {
        creadoPorId: actor.id,
        solicitud: pedido.solicitud as Prisma.InputJsonValue,
        fechaNueva: pedido.nueva_fecha ? new Date(pedido.nueva_fecha) : null,
        dia: pedido.dia ?? null,
        total: pedido.reserva_ids.length,
        items: { create: pedido.reserva_ids.map((reservaId, orden) => ({ reservaId, orden })) },
      },
    });
    // First in the run's own queue: its notices (trabajoDeTanda) wait until the move is done.
    await tx.$executeRaw`SELECT graphile_worker.add_job(${TAREA_LOTE}, json_build_object('loteId', ${lote.id}::int), queue_name => ${colaDeLote(lote.id)}, max_attempts => 5)`;
    return { id: lote.id };
  });
}

type Lote = NonNullable<Awaited<ReturnType<typeof cargarLote>>>;
type Item = { id: number; reservaId: number };
interface Resultado {
  itemId: number;
  estado: "MOVIDA" | "RECHAZADA";
  historialId: number | null;
  fechaAnterior: Date | null;
  fechaNueva: Date | null;
  errorCode: string | null;
  detalle: string | null;
}

const cargarLote = (db: Db, loteId: number) => db.loteReprogramacion.findUnique({ where: { id: loteId }, include: { creadoPor: true } });

/** The worker's task: every pending reservation of the run, in order, a batch at a time. Safe to run again. */
export async function procesarLote(db: Db, loteId: number) {
  const lote = await cargarLote(db, loteId);
  if (!lote || lote.estado === "TERMINADO") return;
  const pendientes = await db.itemLote.findMany({ where: { loteId, estado: "PENDIENTE" }, orderBy: { orden: "asc" }, select: { id: true, reservaId: true } });
  const tamano = reservasPorTanda();
  for (let i = 0; i < pendientes.length; i += tamano) {
    const tanda = pendientes.slice(i, i + tamano);
    try {
      await procesarTanda(db, lote, tanda);
    } catch (error) {
      // Something other than a refusal (a database error aborts the whole transaction): the batch
      // rolled back; its reservations go again one per transaction, so one bad row stays alone.
      // With the database gone, recording that fails too and the job is retried later.
      registro.warn({ lote_id: lote.id, reservas: tanda.length, error: errorParaRegistro(error) }, "lote: la tanda falló; se reintenta reserva por reserva");
      for (const item of tanda) await procesarSola(db, lote, item);
    }
  }
  await db.loteReprogramacion.update({ where: { id: loteId }, data: { estado: "TERMINADO", terminadoAt: new Date() } });
}

async function procesarSola(db: Db, lote: Lote, item: Item) {
  try {
    await procesarTanda(db, lote, [item]);
  } catch (error) {
    registro.error({ lote_id: lote.id, reserva_id: item.reservaId, error: errorParaRegistro(error) }, "lote: error no controlado en una reserva");
    const fallo = new ErrorDominio(500, "ERROR_INTERNO", "Ocurrió un error interno con esta reserva; no se modificó.");
    await db.$transaction((tx) => registrarResultados(tx, lote.id, [{ itemId: item.id, estado: "RECHAZADA", historialId: null, fechaAnterior: null, fechaNueva: null, errorCode: fallo.errorCode, detalle: fallo.detail }]));
  }
}

/**
 * One transaction: the batch's reservations loaded and locked in id order in one statement, each
 * rescheduled in turn (a refusal writes nothing), every target day locked once, and the results
 * recorded with the moves.
 */
async function procesarTanda(db: Db, lote: Lote, items: Item[]) {
  const actor = actorDeUsuario(lote.creadoPor);
  const zona = zonaAgencia();
  await db.$transaction(async (tx) => {
    const tanda: Tanda = { cargas: await cargarReservas(tx, items.map((i) => i.reservaId), actor.id, true), diasBloqueados: new Set() };
    const resultados: Resultado[] = [];
    for (const item of items) {
      const actual = tanda.cargas.get(item.reservaId)?.reserva.fechaInicio ?? null;
      const base = { itemId: item.id, historialId: null, fechaAnterior: actual, fechaNueva: null };
      try {
        if (!actual) throw noEncontrado("La reserva no existe.");
        const nueva = fechaPara({ nueva_fecha: lote.fechaNueva?.toISOString(), dia: lote.dia ?? undefined }, actual, zona);
        const solicitud = interpretarSolicitud({ ...(lote.solicitud as object), nueva_fecha: nueva.toISOString() }, actor.rol);
        const { historial } = await escribirReprogramacion(tx, actor, item.reservaId, solicitud, { zona }, tanda);
        resultados.push({ ...base, estado: "MOVIDA", historialId: historial.id, fechaAnterior: historial.fechaAnterior, fechaNueva: historial.fechaNueva, errorCode: null, detalle: null });
      } catch (error) {
        if (!(error instanceof ErrorDominio)) throw error;
        resultados.push({ ...base, estado: "RECHAZADA", errorCode: error.errorCode, detalle: error.detail });
      }
    }
    await registrarResultados(tx, lote.id, resultados);
  }, OPCIONES_TRANSACCION);
}

/** The batch's results, the run's counters and the job for the batch's notifications, in one statement. */
async function registrarResultados(tx: Tx, loteId: number, resultados: Resultado[]) {
  const columna = <K extends keyof Resultado>(k: K) => resultados.map((r) => r[k]);
  const movidas = resultados.flatMap((r) => (r.historialId === null ? [] : [r.historialId]));
  await tx.$queryRaw`
    WITH r AS (
      SELECT * FROM unnest(${columna("itemId")}::int[], ${columna("estado")}::text[], ${columna("historialId")}::int[], ${columna("fechaAnterior")}::timestamptz[],
        ${columna("fechaNueva")}::timestamptz[], ${columna("errorCode")}::text[], ${columna("detalle")}::text[])
        AS r(id, estado, historial_id, fecha_anterior, fecha_nueva, error_code, detalle)
    ), items AS (
      UPDATE item_lote i SET estado = r.estado::"EstadoItemLote", historial_id = r.historial_id, fecha_anterior = r.fecha_anterior,
        fecha_nueva = r.fecha_nueva, error_code = r.error_code, detalle = r.detalle
      FROM r WHERE i.id = r.id AND i.estado = 'PENDIENTE'
      RETURNING i.estado
    ), lote AS (
      UPDATE lote_reprogramacion SET procesadas = procesadas + (SELECT count(*) FROM items),
        movidas = movidas + (SELECT count(*) FROM items WHERE estado = 'MOVIDA')
      WHERE id = ${loteId}
    )
    SELECT count(*)::int AS trabajos FROM (${trabajoDeTanda(loteId, Prisma.sql`${movidas}::int[]`)}) AS t`;
}

export const cargaLote = z.object({ loteId: z.number().int().positive() });

export async function estadoLote(db: Db, loteId: number, desdeOrden = -1) {
  const lote = await db.loteReprogramacion.findUnique({ where: { id: loteId } });
  if (!lote) throw noEncontrado("La reprogramación masiva no existe.");
  const items = await db.itemLote.findMany({ where: { loteId, estado: { not: "PENDIENTE" }, orden: { gt: desdeOrden } }, orderBy: { orden: "asc" } });
  return {
    id: lote.id,
    estado: lote.estado,
    total: lote.total,
    procesadas: lote.procesadas,
    movidas: lote.movidas,
    rechazadas: lote.procesadas - lote.movidas,
    creado: lote.createdAt.toISOString(),
    items: items.map((i) => ({
      orden: i.orden,
      reserva_id: i.reservaId,
      resultado: i.estado,
      error_code: i.errorCode,
      detalle: i.detalle,
      fecha_anterior: i.fechaAnterior?.toISOString() ?? null,
      fecha_nueva: i.fechaNueva?.toISOString() ?? null,
    })),
  };
}
export type EstadoLote = Awaited<ReturnType<typeof estadoLote>>;

export async function lotesRecientes(db: Db) {
  return db.loteReprogramacion.findMany({ orderBy: { createdAt: "desc" }, take: 10, include: { creadoPor: true } });
}

/** The result as CSV: one row per reservation, for a spreadsheet. */
export function loteComoCsv(estado: EstadoLote): string {
  return comoCsv(
    ["reserva_id", "resultado", "error_code", "detalle", "fecha_anterior", "fecha_nueva"],
    estado.items.map((i) => [i.reserva_id, i.resultado, i.error_code, i.detalle, i.fecha_anterior, i.fecha_nueva]),
  );
}

/** Reservations a bulk move can pick from: support's search, up to the per-run maximum. */
export async function candidatasDeLote(db: Db, actor: Actor, filtros: Parameters<typeof listarReservas>[2]) {
  return listarReservas(db, actor, { ...filtros, pagina: 1, por_pagina: MAXIMO_POR_LOTE });
}
