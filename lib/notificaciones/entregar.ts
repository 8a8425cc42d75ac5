// One attempt at one delivery, run by the queue worker. Every attempt is recorded with its outcome
// and error type; a retryable failure schedules the next attempt with exponential backoff (or the
// provider's retry-after), and after the last attempt the delivery is dead-lettered (FALLIDA).
// Sending happens outside any transaction; recording the outcome and scheduling the retry is one
// statement, so a delivery costs two statements of ours at most (its load, shared by its
// reschedule's channels and by deliveries loaded at the same moment; its record, shared by outcomes
// that arrive together), plus one per client email or SMS: the manage link it carries is stored, as
// a hash, before it is sent.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EstadoEntrega } from "@/lib/generated/prisma/enums";
import { configuracionEntregas, esDireccionValida, esperaAntesDeReintentar } from "./config";
import { diaDeColumna } from "@/lib/reprogramacion/calendario";
import { contactoAgencia, DatosFaltantes, INCLUIR_ESPERA_CORREO, INCLUIR_HISTORIAL_CORREO, renderizarCorreo, renderizarOferta } from "./correo/contenido";
import { transporteCorreo, type ResultadoEnvio } from "./correo/transporte";
import { trabajoDeEntrega } from "./encolar";
import { eventoEnVivo } from "./evento";
import { esCopiaAgencia, PLANTILLA_TRANSFERENCIA_ANTERIOR } from "./plantillas";
import { smsCancelacion, smsOferta, smsReprogramacion } from "./sms/contenido";
import { formatearMonto } from "@/lib/formato/dinero";
import { renderizarCorreoCuenta } from "@/lib/cuenta/correos";
import { emitirEnlaceGestion, RUTA_ENLACE } from "@/lib/cuenta/enlaces";
import { transporteSms } from "./sms/transporte";
import { publicarEvento } from "./tiempo-real/publicar";
import { porTandas } from "@/lib/db/por-tandas";

// A delivery belongs to a reschedule (historial) or to a waiting-list offer (espera).
// An account email (invitation, recovery, …) names its user instead.
const INCLUIR_ENTREGA = { historial: { include: { ...INCLUIR_HISTORIAL_CORREO, notificacion: true } }, espera: { include: INCLUIR_ESPERA_CORREO }, usuario: true } as const;

type Entrega = Awaited<ReturnType<typeof cargarEntregasJuntas>>[number];

const cargarEntregasJuntas = (db: Db, ids: number[]) =>
  db.entregaNotificacion.findMany({ where: { id: { in: [...new Set(ids)] } }, include: INCLUIR_ENTREGA, orderBy: { id: "asc" }, relationLoadStrategy: "join" });
// Concurrent deliveries share one load (and one record, below) per turn of the event loop.
const cargarPorTandas = porTandas(async (db: Db, ids: number[]) => new Map((await cargarEntregasJuntas(db, ids)).map((e) => [e.id, e])), (id: number) => id);
const cargarEntregas = async (db: Db, ids: number[]) => [...(await cargarPorTandas(db, ids)).values()].sort((a, b) => a.id - b.id);

const fallo = (tipo: Extract<ResultadoEnvio, { ok: false }>["tipo"], error: string, reintentable = false): ResultadoEnvio => ({ ok: false, tipo, error, reintentable });

/**
 * Composes the message, then hands it over: missing data is dead-lettered (DATOS_FALTANTES), a
 * composition bug is PLANTILLA, a send that throws is a retryable RED.
 */
async function componerYEnviar<M>(componer: () => Promise<M>, nombre: string, enviar: (mensaje: M) => Promise<ResultadoEnvio>): Promise<ResultadoEnvio> {
  let mensaje: M;
  try {
    mensaje = await componer();
  } catch (error) {
    if (error instanceof DatosFaltantes) return fallo("DATOS_FALTANTES", error.message);
    return fallo("PLANTILLA", `No se pudo generar ${nombre}: ${(error as Error).name}`);
  }
  try {
    return await enviar(mensaje);
  } catch {
    return fallo("RED", "El envío no obtuvo respuesta", true);
  }
}

const sinOrigen = () => new DatosFaltantes("La entrega no tiene reprogramación ni oferta");

/** The client (or account) a delivery is for; null for the agency's own audit copies. */
function cuentaDestinataria(entrega: Entrega) {
  if (entrega.usuario) return entrega.usuario;
  if (entrega.espera) return entrega.espera.reserva.usuario;
  if (entrega.historial && !esCopiaAgencia(entrega.plantilla)) return entrega.historial.reserva.usuario;
  return null;
}

// A deactivated person gets nothing from the agency, whatever was queued before.
const cuentaDesactivada = (entrega: Entrega) => cuentaDestinataria(entrega)?.activo === false;
const FALLO_DESACTIVADA = () => fallo("DESTINATARIO_INVALIDO", "La cuenta del destinatario está desactivada");

/** A fresh manage link for the client's reservation, for the email or SMS being composed. */
async function enlaceGestion(db: Db, reserva: { id: number; usuarioId: number }) {
  return `${configuracionEntregas().urlAplicacion}${RUTA_ENLACE.GESTION}/${await emitirEnlaceGestion(db, reserva.id, reserva.usuarioId)}`;
}

async function enviarCorreo(db: Db, entrega: Entrega): Promise<ResultadoEnvio> {
  if (!esDireccionValida(entrega.destinatario)) return fallo("DESTINATARIO_INVALIDO", "Dirección de correo con formato inválido");
  if (cuentaDesactivada(entrega)) return FALLO_DESACTIVADA();
  return componerYEnviar(
    async () => {
      const contacto = await contactoAgencia(db);
      if (entrega.usuario) return renderizarCorreoCuenta(db, entrega, contacto);
      if (entrega.espera) return renderizarOferta(entrega.espera, contacto, await enlaceGestion(db, entrega.espera.reserva));
      if (entrega.historial) {
        const h = entrega.historial;
        // Its place among the reservation's changes (stored with it): the calendar file's SEQUENCE (0 is the booking).
        const calendario = { secuencia: h.secuencia, para: entrega.destinatario };
        // Agency copies, and the previous holder after a transfer, carry no manage link.
        if (esCopiaAgencia(entrega.plantilla) || entrega.plantilla === PLANTILLA_TRANSFERENCIA_ANTERIOR) return renderizarCorreo(h, entrega.plantilla, contacto, null, calendario);
        return renderizarCorreo(h, entrega.plantilla, contacto, await enlaceGestion(db, h.reserva), calendario);
      }
      throw sinOrigen();
    },
    "el correo",
    (correo) => transporteCorreo(db).enviar({ entregaId: entrega.id, para: entrega.destinatario, ...correo }),
  );
}

const E164 = /^\+[1-9]\d{6,14}$/;

async function textoSms(db: Db, entrega: Entrega): Promise<string> {
  const { agencia } = await contactoAgencia(db);
  if (entrega.espera?.ofertaVenceAt)
    return smsOferta({ agencia, reservaId: entrega.espera.reservaId, dia: diaDeColumna(entrega.espera.dia), venceAt: entrega.espera.ofertaVenceAt, enlace: await enlaceGestion(db, entrega.espera.reserva) });
  if (entrega.historial?.accion === "CANCELACION") {
    const reembolso = (entrega.historial.detalle as { reembolso?: { monto: string } } | null)?.reembolso;
    if (!reembolso) throw new DatosFaltantes("La cancelación no tiene reembolso");
    return smsCancelacion({ agencia, reservaId: entrega.historial.reservaId, destino: entrega.historial.reserva.destino, reembolso: formatearMonto(reembolso.monto, entrega.historial.reserva.moneda), enlace: await enlaceGestion(db, entrega.historial.reserva) });
  }
  if (entrega.historial)
    return smsReprogramacion({ agencia, reservaId: entrega.historial.reservaId, destino: entrega.historial.reserva.destino, fechaNueva: entrega.historial.fechaNueva, enlace: await enlaceGestion(db, entrega.historial.reserva) });
  throw sinOrigen();
}

async function enviarSms(db: Db, entrega: Entrega): Promise<ResultadoEnvio> {
  if (!E164.test(entrega.destinatario)) return fallo("DESTINATARIO_INVALIDO", "Número de celular con formato inválido");
  if (cuentaDesactivada(entrega)) return FALLO_DESACTIVADA();
  return componerYEnviar(() => textoSms(db, entrega), "el SMS", (texto) => transporteSms(db).enviar({ entregaId: entrega.id, para: entrega.destinatario, texto }));
}

async function enviarEventoEnVivo(db: Db, entrega: Entrega): Promise<ResultadoEnvio> {
  const notificacion = entrega.historial?.notificacion;
  if (!notificacion) return fallo("DATOS_FALTANTES", "La reprogramación no tiene entrada en el panel de soporte");
  try {
    return await publicarEvento(db, eventoEnVivo(notificacion));
  } catch {
    return fallo("RED", "No se pudo publicar el evento", true);
  }
}

export interface ResultadoProceso {
  estado: EstadoEntrega | "OMITIDA";
  intento?: number;
}

/** One send and when it answered. */
type Intento = { entrega: Entrega; resultado: ResultadoEnvio; duracionMs: number; momento: Date };

async function intentar(db: Db, entrega: Entrega, ahora: () => Date): Promise<Intento> {
  const inicio = performance.now();
  const enviar = { EMAIL: enviarCorreo, SMS: enviarSms, TIEMPO_REAL: enviarEventoEnVivo }[entrega.canal];
  const resultado = await enviar(db, entrega);
  return { entrega, resultado, duracionMs: Math.round(performance.now() - inicio), momento: ahora() };
}

/** One delivery's attempt: its own job (a retry, an admin's retry, an account email). */
export async function procesarEntrega(db: Db, entregaId: number, ahora = () => new Date()): Promise<ResultadoProceso> {
  return (await procesarEntregas(db, [entregaId], { ahora })).get(entregaId) ?? { estado: "OMITIDA" };
}

/**
 * One attempt at each of the deliveries (a reschedule's channels, sent at once): one load for all,
 * and each outcome recorded as soon as its channel answers (an SMS's provider id must be stored
 * before the provider's status reports arrive, whatever the email is still waiting for). Loads and
 * records of deliveries running at the same time share statements (porTandas). `soloPrimeros`:
 * the job of a reschedule attempts only what nobody attempted yet; a channel being retried has its
 * own job.
 */
export async function procesarEntregas(db: Db, ids: number[], { ahora = () => new Date(), soloPrimeros = false } = {}): Promise<Map<number, ResultadoProceso>> {
  const entregas = (await cargarEntregas(db, ids)).filter((e) => e.estado !== "ENVIADA" && e.estado !== "FALLIDA" && (!soloPrimeros || e.intentos === 0));
  const hechas = await Promise.all(
    entregas.map(async (entrega): Promise<[number, ResultadoProceso]> => {
      const estado = (await registrarPorTandas(db, [await intentar(db, entrega, ahora)])).get(entrega.id);
      return [entrega.id, estado ? { estado, intento: entrega.intentos + 1 } : { estado: "OMITIDA" }];
    }),
  );
  return new Map(hechas);
}

const registrarPorTandas = porTandas(registrarIntentos, (i: Intento) => i.entrega.id);

/**
 * One statement records every outcome: the delivery rows, the attempt log, the history's
 * estado_notificacion and the next attempt's jobs commit together. Each row's attempt count doubles
 * as a guard: if a crash-retry of the same job already recorded that attempt, that row is not written.
 */
async function registrarIntentos(db: Db, intentos: Intento[]): Promise<Map<number, EstadoEntrega>> {
  const { maxIntentos, esperaBaseMs, esperaMaximaMs } = configuracionEntregas();
  const filas = intentos.map(({ entrega, resultado, duracionMs, momento }) => {
    const numero = entrega.intentos + 1;
    const reintentar = !resultado.ok && resultado.reintentable && numero < (entrega.limiteIntentos ?? maxIntentos);
    return {
      id: entrega.id,
      previos: entrega.intentos,
      estado: (resultado.ok ? "ENVIADA" : reintentar ? "REINTENTANDO" : "FALLIDA") as EstadoEntrega,
      exito: resultado.ok,
      errorTipo: resultado.ok ? null : resultado.tipo,
      error: resultado.ok ? null : resultado.error,
      proveedorId: resultado.ok ? (resultado.proveedorId ?? null) : null,
      duracionMs,
      correoCliente: resultado.ok && entrega.canal === "EMAIL" && !esCopiaAgencia(entrega.plantilla),
      sms: resultado.ok && entrega.canal === "SMS",
      enVivo: resultado.ok && entrega.canal === "TIEMPO_REAL",
      reintentoEn: reintentar ? new Date(momento.getTime() + esperaAntesDeReintentar(numero, esperaBaseMs, resultado.esperaMs, esperaMaximaMs)) : null,
      momento,
    };
  });
  const columna = <K extends keyof (typeof filas)[number]>(k: K) => filas.map((f) => f[k]);
  const registradas = await db.$queryRaw<{ id: number; estado: EstadoEntrega }[]>`
    WITH r AS (
      SELECT * FROM unnest(${columna("id")}::int[], ${columna("previos")}::int[], ${columna("estado")}::text[], ${columna("exito")}::bool[],
        ${columna("errorTipo")}::text[], ${columna("error")}::text[], ${columna("proveedorId")}::text[], ${columna("duracionMs")}::int[],
        ${columna("correoCliente")}::bool[], ${columna("sms")}::bool[], ${columna("enVivo")}::bool[], ${columna("reintentoEn")}::timestamptz[],
        ${columna("momento")}::timestamptz[])
        AS r(id, previos, estado, exito, error_tipo, error, proveedor_id, duracion_ms, correo_cliente, sms, en_vivo, reintento_en, momento)
    ), entrega AS (
      UPDATE entrega_notificacion e SET
        intentos = r.previos + 1, estado = r.estado::"EstadoEntrega", error_tipo = r.error_tipo::"TipoErrorEntrega", error = r.error,
        proveedor_id = COALESCE(r.proveedor_id, e.proveedor_id), enviada_at = CASE WHEN r.exito THEN r.momento END, updated_at = now()
      FROM r WHERE e.id = r.id AND e.intentos = r.previos
      RETURNING e.id, e.historial_id, r.estado, r.previos, r.exito, r.error_tipo, r.error, r.duracion_ms, r.correo_cliente, r.sms, r.en_vivo, r.reintento_en, r.momento
    ), intento AS (
      INSERT INTO intento_entrega (entrega_id, numero, exito, error_tipo, error, duracion_ms)
      SELECT id, previos + 1, exito, error_tipo::"TipoErrorEntrega", error, duracion_ms FROM entrega
    ), marcas AS (
      SELECT historial_id, bool_or(correo_cliente) AS correo_cliente, bool_or(sms) AS sms, bool_or(en_vivo) AS en_vivo, min(momento) AS momento
      FROM entrega WHERE historial_id IS NOT NULL AND (correo_cliente OR sms OR en_vivo) GROUP BY historial_id
    ), historial AS (
      -- The history's estado_notificacion follows the deliveries as they complete: one update per reschedule.
      UPDATE historial_reprogramacion h SET
        cliente_notificado = h.cliente_notificado OR m.correo_cliente OR m.sms, email_enviado = h.email_enviado OR m.correo_cliente,
        sms_enviado = h.sms_enviado OR m.sms, push_enviado = h.push_enviado OR m.en_vivo,
        fecha_notificacion = COALESCE(h.fecha_notificacion, m.momento)
      FROM marcas m WHERE h.id = m.historial_id
    ), reintento AS (
      SELECT ${trabajoDeEntrega(Prisma.sql`entrega.id`, Prisma.sql`entrega.reintento_en`)} FROM entrega WHERE entrega.reintento_en IS NOT NULL
    )
    -- reintento is a plain SELECT: PostgreSQL runs it only because it is read here.
    SELECT id, estado::text AS estado, (SELECT count(*) FROM reintento) AS reintentos FROM entrega`;
  return new Map(registradas.map((r) => [r.id, r.estado]));
}
