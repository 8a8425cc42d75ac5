// The reschedule use case: one transaction that locks the reservation row and the target day,
// evaluates the rules (pure), checks capacity, writes reservation + history + coupons, and
// enqueues notifications. The route handler, the bulk endpoint and the client's form all call it.
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { ErrorDominio, noEncontrado } from "@/lib/errores";
import { formatearFechaCorta, zonaAgencia } from "@/lib/formato/fecha";
import type { TipoRegla, TipoReprogramacion } from "@/lib/generated/prisma/enums";
import { notificacionesSql } from "@/lib/notificaciones/encolar";
import type { ReservaCompleta } from "@/lib/reservas/serializar";
import { fechaLocal, HORA_MS } from "./calendario";
import { bloquearDia, cargarReserva, cargarOcupacion, cargarOcupacionDelDia, type Bloquear, type Carga, type Configuracion, type Tx } from "./datos";
import { vigentesEnVersion } from "./vigentes";
import { calcularDescuento } from "./descuento";
import { politicasDe } from "@/lib/politicas/aplicables";
import { alternativasDe } from "@/lib/politicas/alternativas";
import { costoDeCambio } from "@/lib/politicas/politicas";
import { Prisma, type HistorialReprogramacion } from "@/lib/generated/prisma/client";
import { feriadoNacional } from "./feriados";
import { buscarAlternativas, libres, type Ocupacion } from "./disponibilidad";
import { errorBlackout, errorLimite, errorSinCapacidad, errorTiempoMinimo } from "./errores-reglas";
import { evaluarReglas, type ContextoReglas, type Regla, type Veredicto } from "./reglas";
import { guardarRespuesta, huellaDeSolicitud, tomarClave } from "./idempotencia";
import { respuestaReprogramacion } from "./respuesta";
import { interpretarSolicitud, type SolicitudReprogramacion } from "./solicitud";

export interface Reloj {
  ahora?: Date;
  zona?: string;
}

type ReservaConCliente = ReservaCompleta;

export const ESTADOS_NO_REPROGRAMABLES = ["CANCELADA", "COMPLETADA"] as const;

export function contextoReglas(reserva: ReservaConCliente, rolActor: Actor["rol"], nuevaFecha: Date | null, ahora: Date, zona: string, feriadoNacional: ContextoReglas["feriadoNacional"]): ContextoReglas {
  return {
    fechaActual: reserva.fechaInicio,
    numeroReprogramaciones: reserva.numeroReprogramaciones,
    nivelCliente: reserva.usuario.nivel,
    rolActor,
    nuevaFecha,
    ahora,
    zona,
    feriadoNacional,
  };
}

/** Nearby dates at the same local time that every applicable, non-bypassed rule and capacity allow. */
export function alternativasReservables(reglas: Regla[], ctx: ContextoReglas, ocupacion: Ocupacion, bypass: readonly TipoRegla[], base: Date) {
  return buscarAlternativas(
    base,
    ctx.zona,
    ocupacion,
    // The reservation's own current start is no alternative: moving there changes nothing.
    (fecha) => fecha.getTime() !== ctx.fechaActual.getTime() && evaluarReglas(reglas, { ...ctx, nuevaFecha: fecha }, bypass).violadas.length === 0,
  );
}

/** Loads a reservation the actor may act on (one statement), with the acting user and the rules' version; someone else's is the same 404 as a missing one. */
export async function reservaYActor(db: Tx, actor: Actor, id: number, bloquear: Bloquear = false, precargada?: Carga | null) {
  const carga = precargada !== undefined ? precargada : await cargarReserva(db, id, actor.id, bloquear);
  // A manage-link session reaches its one reservation; the client's others are as missing as anyone's.
  if (!carga || (actor.rol === "CLIENTE" && (carga.reserva.usuarioId !== actor.id || (actor.reservaId != null && carga.reserva.id !== actor.reservaId))))
    throw noEncontrado("La reserva no existe.");
  return carga;
}

export async function reservaDelActor(db: Tx, actor: Actor, id: number): Promise<ReservaConCliente> {
  return (await reservaYActor(db, actor, id)).reserva;
}

/** The latest start the agency books: `horizonteDias` after now. */
export const limiteDeHorizonte = (ahora: Date, horizonteDias: number) => new Date(ahora.getTime() + horizonteDias * 24 * HORA_MS);

/** Problems that no rule or bypass can lift: state, a past date, the same date, beyond the booking horizon. Empty when fine. */
export function problemasDeFecha(reserva: { estado: string; fechaInicio: Date }, nuevaFecha: Date | null, ahora: Date, horizonteDias: number): ErrorDominio[] {
  const problemas: ErrorDominio[] = [];
  if ((ESTADOS_NO_REPROGRAMABLES as readonly string[]).includes(reserva.estado))
    problemas.push(new ErrorDominio(409, "RESERVA_NO_REPROGRAMABLE", `No se puede reprogramar una reserva ${reserva.estado === "CANCELADA" ? "cancelada" : "completada"}.`, { estado: reserva.estado }));
  if (nuevaFecha && nuevaFecha.getTime() <= ahora.getTime())
    problemas.push(new ErrorDominio(400, "FECHA_EN_PASADO", "La nueva fecha debe ser en el futuro.", { campos: { nueva_fecha: "La nueva fecha debe ser en el futuro" } }));
  if (nuevaFecha && nuevaFecha.getTime() === reserva.fechaInicio.getTime())
    problemas.push(new ErrorDominio(400, "MISMA_FECHA", "La nueva fecha es igual a la fecha actual de la reserva.", { campos: { nueva_fecha: "Elija una fecha distinta de la actual" } }));
  if (nuevaFecha && nuevaFecha.getTime() > limiteDeHorizonte(ahora, horizonteDias).getTime())
    problemas.push(errorFueraDeHorizonte("nueva_fecha", ahora, horizonteDias));
  return problemas;
}

export function errorFueraDeHorizonte(campo: string, ahora: Date, horizonteDias: number) {
  const limite = limiteDeHorizonte(ahora, horizonteDias);
  return new ErrorDominio(400, "FECHA_FUERA_DE_HORIZONTE", `La agencia reserva con hasta ${horizonteDias} días de anticipación.`, {
    campos: { [campo]: `Elija una fecha hasta el ${formatearFechaCorta(limite)}` },
    fecha_maxima: limite.toISOString(),
  });
}

export function validarNuevaFecha(reserva: { estado: string; fechaInicio: Date }, nuevaFecha: Date, ahora: Date, horizonteDias: number) {
  const [primero] = problemasDeFecha(reserva, nuevaFecha, ahora, horizonteDias);
  if (primero) throw primero;
}

export async function errorDeRegla(tx: Tx, v: Veredicto, reserva: ReservaConCliente, config: Configuracion, nuevaFecha: Date, sugerencias: () => Promise<ReturnType<typeof buscarAlternativas>>, zona: string, reglas: Regla[], rol: Actor["rol"], ahora: Date) {
  switch (v.regla.tipoRegla) {
    case "TIEMPO_MINIMO":
      return errorTiempoMinimo(v, alternativasDe(reglas, config, reserva, rol, ahora, zona));
    case "LIMITE_REPROGRAMACIONES": {
      const historial = await tx.historialReprogramacion.findMany({ where: { reservaId: reserva.id }, orderBy: { createdAt: "asc" } });
      return errorLimite(v, config, historial.map((h) => ({ fecha: h.createdAt, motivo: h.motivo })));
    }
    case "DIA_BLACKOUT":
      return errorBlackout(v, nuevaFecha, zona, await sugerencias());
  }
}

function codigoCupon(ahora: Date) {
  const alfabeto = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const sufijo = Array.from(randomBytes(8), (b) => alfabeto[b % alfabeto.length]).join("");
  return `DISCULPA${ahora.getUTCFullYear()}-${sufijo}`;
}

/** The change fee the agency's COSTO_REPROGRAMACION policy charges this actor now (0 when bypassed or none applies). */
export function costoDelCambio(reglas: Regla[], config: Configuracion, reserva: ReservaConCliente, rol: Actor["rol"], ahora: Date, zona: string, bypass: readonly TipoRegla[]) {
  const { politica } = politicasDe(reglas, config, reserva, rol, ahora, zona).costo;
  return politica && !bypass.includes("COSTO_REPROGRAMACION") ? costoDeCambio(politica, reserva, ahora) : new Prisma.Decimal(0);
}

export function tipoDeReprogramacion(actor: Pick<Actor, "rol">, solicitud: Pick<SolicitudReprogramacion, "tipo_reprogramacion">): TipoReprogramacion {
  if (actor.rol === "CLIENTE") return "CLIENTE";
  if (actor.rol === "OPERADOR") return "OPERADOR_ASISTIDO";
  return solicitud.tipo_reprogramacion ?? "ADMINISTRATIVA";
}

export async function reprogramarReserva(db: Db, actor: Actor, reservaId: number, body: unknown, reloj: Reloj = {}) {
  return aplicarReprogramacion(db, actor, reservaId, interpretarSolicitud(body, actor.rol), reloj);
}

// Waiting for a pooled connection or a row lock under load is normal; give both time.
export const OPCIONES_TRANSACCION = { maxWait: 30_000, timeout: 30_000 };

/**
 * The reschedule as the API and the form run it: with an idempotency key, a repeated request returns
 * the first response (`repetida`) and changes nothing; without one, it is a plain reschedule.
 */
export async function reprogramarConClave(db: Db, actor: Actor, reservaId: number, body: unknown, clave: string | null, reloj: Reloj = {}) {
  const solicitud = interpretarSolicitud(body, actor.rol);
  if (!clave) return { respuesta: (await aplicarReprogramacion(db, actor, reservaId, solicitud, reloj)).respuesta as object, repetida: false };
  return db.$transaction(
    async (tx) => {
      const previa = await tomarClave(tx, actor.id, clave, huellaDeSolicitud(reservaId, solicitud));
      if (previa) return { respuesta: previa as object, repetida: true };
      const respuesta = respuestaReprogramacion(await escribirReprogramacion(tx, actor, reservaId, solicitud, reloj));
      await guardarRespuesta(tx, actor.id, clave, respuesta);
      return { respuesta: respuesta as object, repetida: false };
    },
    OPCIONES_TRANSACCION,
  );
}

/**
 * Reschedules in one transaction and builds the response inside it: once it commits, nothing is
 * left that could fail, so an error response always means nothing changed.
 */
export async function aplicarReprogramacion(db: Db, actor: Actor, reservaId: number, solicitud: SolicitudReprogramacion, reloj: Reloj = {}) {
  return db.$transaction(
    async (tx) => {
      const resultado = await escribirReprogramacion(tx, actor, reservaId, solicitud, reloj);
      return { ...resultado, respuesta: respuestaReprogramacion(resultado) };
    },
    OPCIONES_TRANSACCION,
  );
}

/**
 * A bulk move's batch: its reservations loaded and locked together, the days whose lock this
 * transaction holds; the batch queues one job for all its notifications (no job per reschedule).
 */
export interface Tanda {
  cargas: Map<number, Carga>;
  diasBloqueados: Set<string>;
}

// Round trips inside the transaction, in order: lock and load the reservation (with the acting user
// and the rules' version), lock the day, count the day, and one statement that writes the change
// with its history and notifications (coupons, when granted, one more). Rules
// and settings come from the process cache when it holds the version read under the lock.
export async function escribirReprogramacion(tx: Tx, actorSesion: Actor, reservaId: number, solicitud: SolicitudReprogramacion, reloj: Reloj, tanda?: Tanda) {
  const ahora = reloj.ahora ?? new Date();
  const zona = reloj.zona ?? zonaAgencia();
  const nuevaFecha = new Date(solicitud.nueva_fecha);
  const dia = fechaLocal(nuevaFecha, zona);
  // Alone, the load also takes the target day's capacity lock (one round trip less; a refused move
  // holds it only until its rollback). A bulk move's batch comes loaded and locks each day once.
  const { reserva, actor, version } = tanda ? await reservaYActor(tx, actorSesion, reservaId, true, tanda.cargas.get(reservaId) ?? null) : await reservaYActor(tx, actorSesion, reservaId, { dia });
  const { reglas, config } = await vigentesEnVersion(tx, version);
  validarNuevaFecha(reserva, nuevaFecha, ahora, config.horizonteReservaDias);
  const bypass = solicitud.bypass_reglas ?? [];
  const ctx = contextoReglas(reserva, actorSesion.rol, nuevaFecha, ahora, zona, feriadoNacional);
  const evaluacion = evaluarReglas(reglas, ctx, bypass);

  // The ±25 days around the date are only needed to suggest alternatives when it is refused.
  const ocupacionCercana = () => cargarOcupacion(tx, nuevaFecha, zona, config.capacidadDiariaPorDefecto, reserva.id);
  if (evaluacion.violadas.length) {
    const sugerencias = async () => alternativasReservables(reglas, ctx, await ocupacionCercana(), bypass, nuevaFecha);
    throw await errorDeRegla(tx, evaluacion.violadas[0], reserva, config, nuevaFecha, sugerencias, zona, reglas, actorSesion.rol, ahora);
  }

  // Capacity: the day lock makes concurrent moves into one day count one after another.
  if (tanda && !tanda.diasBloqueados.has(dia)) {
    await bloquearDia(tx, dia);
    tanda.diasBloqueados.add(dia);
  }
  const cupo = libres(await cargarOcupacionDelDia(tx, nuevaFecha, zona, config.capacidadDiariaPorDefecto, reserva.id), dia);
  if (cupo.libres <= 0)
    throw errorSinCapacidad(nuevaFecha, cupo, alternativasReservables(reglas, ctx, await ocupacionCercana(), bypass, nuevaFecha), { reservaId: reserva.id });

  const tipo = tipoDeReprogramacion(actor, solicitud);
  const descuento = solicitud.aplicar_descuento ? calcularDescuento(reserva.total, solicitud.porcentaje_descuento!) : null;
  const costo = costoDelCambio(reglas, config, reserva, actorSesion.rol, ahora, zona, bypass);
  const razonBypass = solicitud.razon_bypass ?? solicitud.motivo;
  const reglasBypass = bypass.map((regla) => ({ regla, bypass_aplicado: true, razon: razonBypass, autorizado_por: actor.email }));
  const razonDescuento = tipo === "ADMINISTRATIVA" ? "Descuento por reprogramación administrativa" : "Descuento por reprogramación técnica";

  // The change fee is charged into the total (after any discount on the booking's price).
  const total = (descuento?.totalNuevo ?? reserva.total).add(costo);
  // The history row as written below (its id, and the amounts as PostgreSQL rounds them, come back).
  const h = {
    reservaId: reserva.id,
    fechaAnterior: reserva.fechaInicio,
    fechaNueva: nuevaFecha,
    motivo: solicitud.motivo,
    tipo,
    accion: "REPROGRAMACION" as const,
    secuencia: reserva.cambios + 1,
    detalle: null,
    actorId: actor.id,
    reglasAplicadas: [...evaluacion.veredictos.filter((v) => !bypass.includes(v.regla.tipoRegla)).map((v) => v.regla.tipoRegla), ...(costo.gt(0) ? ["COSTO_REPROGRAMACION"] : [])],
    reglasBypass,
    totalAnterior: reserva.total,
    descuentoRazon: descuento ? razonDescuento : null,
    prioridad: solicitud.prioridad ?? null,
    categoria: solicitud.categoria_reprogramacion ?? null,
    observacionesInternas: solicitud.observaciones_internas ?? null,
    observacionesCliente: solicitud.observaciones_cliente ?? null,
    notificarCliente: solicitud.notificar_cliente ?? true,
    clienteNotificado: false,
    emailEnviado: false,
    smsEnviado: false,
    pushEnviado: false,
    fechaNotificacion: null,
    createdAt: ahora,
  };
  const notificaciones = notificacionesSql(Prisma.sql`(SELECT id FROM h)`, {
    reserva_id: reserva.id,
    cliente: { nombre: `${reserva.usuario.nombre} ${reserva.usuario.apellido}`, email: reserva.usuario.email },
    fecha_anterior: reserva.fechaInicio.toISOString(),
    fecha_nueva: nuevaFecha.toISOString(),
    motivo: solicitud.motivo,
    reprogramado_por: `${actor.nombre} ${actor.apellido}`,
    tipo_reprogramacion: tipo,
    conDescuento: Boolean(descuento),
    notificarCliente: h.notificarCliente,
    smsCliente: reserva.usuario.smsActivo ? reserva.usuario.telefono : null,
  }, { conTrabajo: !tanda });
  // One statement writes the reservation, its history row, the support feed row, the deliveries and
  // their job (the row is locked since the first read, so every value is known here). Amounts come
  // back as PostgreSQL stored them (rounded to the column's scale).
  const [escrito] = await tx.$queryRaw<{ historial_id: number; total: string; costo_reprogramacion: string; total_nuevo: string; descuento_porcentaje: string | null; descuento_monto: string | null; costo_aplicado: string }[]>`
    WITH r AS (
      UPDATE reserva SET fecha_inicio = ${nuevaFecha}, fecha_original = ${reserva.fechaOriginal ?? reserva.fechaInicio}, estado = 'REPROGRAMADA',
        numero_reprogramaciones = numero_reprogramaciones + 1, fecha_reprogramacion = ${ahora}, motivo_reprogramacion = ${solicitud.motivo},
        reprogramado_por_id = ${actor.id}, tipo_ultima_reprogramacion = ${tipo}::"TipoReprogramacion", total = ${total.toString()}::numeric,
        costo_reprogramacion = costo_reprogramacion + ${costo.toString()}::numeric, cambios = cambios + 1, updated_at = ${ahora}
      WHERE id = ${reserva.id}
      RETURNING total, costo_reprogramacion
    ), h AS (
      INSERT INTO historial_reprogramacion (reserva_id, fecha_anterior, fecha_nueva, motivo, tipo, accion, secuencia, actor_id, reglas_aplicadas, reglas_bypass,
        total_anterior, total_nuevo, descuento_porcentaje, descuento_monto, descuento_razon, costo_aplicado, prioridad, categoria, observaciones_internas,
        observaciones_cliente, notificar_cliente, created_at)
      SELECT ${h.reservaId}, ${h.fechaAnterior}, ${h.fechaNueva}, ${h.motivo}, ${h.tipo}::"TipoReprogramacion", ${h.accion}::"AccionHistorial", ${h.secuencia}, ${h.actorId},
        ${h.reglasAplicadas}::text[], ${JSON.stringify(h.reglasBypass)}::jsonb, ${h.totalAnterior.toString()}::numeric, r.total,
        ${descuento?.porcentaje.toString() ?? null}::numeric, ${descuento?.monto.toString() ?? null}::numeric, ${h.descuentoRazon}, ${costo.toString()}::numeric,
        ${h.prioridad}::"Prioridad", ${h.categoria}, ${h.observacionesInternas}, ${h.observacionesCliente}, ${h.notificarCliente}, ${h.createdAt}
      FROM r
      RETURNING id, total_nuevo, descuento_porcentaje, descuento_monto, costo_aplicado
    ), ${notificaciones.ctes}
    SELECT h.id AS historial_id, r.total::text AS total, r.costo_reprogramacion::text AS costo_reprogramacion, h.total_nuevo::text AS total_nuevo,
      h.descuento_porcentaje::text AS descuento_porcentaje, h.descuento_monto::text AS descuento_monto, h.costo_aplicado::text AS costo_aplicado, (SELECT count(*) FROM (${notificaciones.trabajo}) AS t)::int AS trabajos
    FROM r, h`;
  const actualizada: ReservaCompleta = {
    ...reserva,
    fechaInicio: nuevaFecha,
    fechaOriginal: reserva.fechaOriginal ?? reserva.fechaInicio,
    estado: "REPROGRAMADA",
    numeroReprogramaciones: reserva.numeroReprogramaciones + 1,
    fechaReprogramacion: ahora,
    motivoReprogramacion: solicitud.motivo,
    reprogramadoPorId: actor.id,
    tipoUltimaReprogramacion: tipo,
    total: new Prisma.Decimal(escrito.total),
    costoReprogramacion: new Prisma.Decimal(escrito.costo_reprogramacion),
    cambios: reserva.cambios + 1,
    updatedAt: ahora,
  };
  const historial: HistorialReprogramacion = {
    ...h,
    id: escrito.historial_id,
    totalNuevo: new Prisma.Decimal(escrito.total_nuevo),
    descuentoPorcentaje: escrito.descuento_porcentaje === null ? null : new Prisma.Decimal(escrito.descuento_porcentaje),
    descuentoMonto: escrito.descuento_monto === null ? null : new Prisma.Decimal(escrito.descuento_monto),
    costoAplicado: new Prisma.Decimal(escrito.costo_aplicado),
  };
  const compensacion = solicitud.compensacion_adicional;
  const cupones = compensacion
    ? await tx.cupon.createManyAndReturn({
        data: Array.from({ length: compensacion.cantidad }, () => ({
          codigo: codigoCupon(ahora),
          valor: compensacion.valor,
          moneda: reserva.moneda,
          descripcion: compensacion.descripcion ?? "Cupón de compensación por reprogramación",
          validoHasta: new Date(ahora.getTime() + config.validezCuponDias * 24 * HORA_MS),
          usuarioId: reserva.usuarioId,
          historialId: historial.id,
          creadoPorId: actor.id,
        })),
      })
    : [];
  const notificacionesEstado = notificaciones.estado;
  return { reserva: actualizada, historial, evaluacion, descuento, cupones, reglasBypass, actor, tipo, costo, notificaciones: notificacionesEstado, razonDescuento };
}
export type ResultadoReprogramacion = Awaited<ReturnType<typeof escribirReprogramacion>>;
