// One attempt at one delivery, run by the queue worker. Every attempt is recorded with its outcome
// and error type; a retryable failure schedules the next attempt with exponential backoff (or the
// provider's retry-after), and after the last attempt the delivery is dead-lettered (FALLIDA).
// Sending happens outside any transaction; recording the outcome and scheduling the retry is one
// statement, so a delivery costs three round trips of ours: load, send, record (a client's email or
// SMS one more: the manage link it carries is stored, as a hash, before it is sent).
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

// A delivery belongs to a reschedule (historial) or to a waiting-list offer (espera).
// An account email (invitation, recovery, …) names its user instead.
const INCLUIR_ENTREGA = { historial: { include: { ...INCLUIR_HISTORIAL_CORREO, notificacion: true } }, espera: { include: INCLUIR_ESPERA_CORREO }, usuario: true } as const;

type Entrega = NonNullable<Awaited<ReturnType<typeof cargarEntrega>>>;

const cargarEntrega = (db: Db, id: number) => db.entregaNotificacion.findUnique({ where: { id }, include: INCLUIR_ENTREGA, relationLoadStrategy: "join" });

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

export async function procesarEntrega(db: Db, entregaId: number, ahora = () => new Date()): Promise<ResultadoProceso> {
  const entrega = await cargarEntrega(db, entregaId);
  if (!entrega || entrega.estado === "ENVIADA" || entrega.estado === "FALLIDA") return { estado: "OMITIDA" };
  const numero = entrega.intentos + 1;
  const inicio = performance.now();
  const enviar = { EMAIL: enviarCorreo, SMS: enviarSms, TIEMPO_REAL: enviarEventoEnVivo }[entrega.canal];
  const resultado = await enviar(db, entrega);
  const duracionMs = Math.round(performance.now() - inicio);
  const { maxIntentos, esperaBaseMs, esperaMaximaMs } = configuracionEntregas();
  const momento = ahora();
  const reintentar = !resultado.ok && resultado.reintentable && numero < (entrega.limiteIntentos ?? maxIntentos);
  const estado: EstadoEntrega = resultado.ok ? "ENVIADA" : reintentar ? "REINTENTANDO" : "FALLIDA";

  const correoCliente = resultado.ok && entrega.canal === "EMAIL" && !esCopiaAgencia(entrega.plantilla);
  const sms = resultado.ok && entrega.canal === "SMS";
  const enVivo = resultado.ok && entrega.canal === "TIEMPO_REAL";
  const reintentoEn = reintentar ? new Date(momento.getTime() + esperaAntesDeReintentar(numero, esperaBaseMs, resultado.esperaMs, esperaMaximaMs)) : null;
  const errorTipo = resultado.ok ? null : resultado.tipo;
  const error = resultado.ok ? null : resultado.error;
  // One statement records the outcome: the delivery row, the attempt log, the history's
  // estado_notificacion and the next attempt's job commit together. The attempt count doubles as a
  // guard: if a crash-retry of the same job already recorded this attempt, nothing is written.
  const [{ registrado }] = await db.$queryRaw<{ registrado: boolean }[]>`
    WITH entrega AS (
      UPDATE entrega_notificacion SET
        intentos = ${numero}, estado = ${estado}::"EstadoEntrega", error_tipo = ${errorTipo}::"TipoErrorEntrega", error = ${error},
        proveedor_id = COALESCE(${resultado.ok ? resultado.proveedorId : null}, proveedor_id),
        enviada_at = ${resultado.ok ? momento : null}::timestamptz, updated_at = now()
      WHERE id = ${entrega.id} AND intentos = ${entrega.intentos}
      RETURNING id, historial_id
    ), intento AS (
      INSERT INTO intento_entrega (entrega_id, numero, exito, error_tipo, error, duracion_ms)
      SELECT id, ${numero}, ${resultado.ok}, ${errorTipo}::"TipoErrorEntrega", ${error}, ${duracionMs} FROM entrega
    ), historial AS (
      -- The history's estado_notificacion follows the deliveries as they complete.
      UPDATE historial_reprogramacion h SET
        cliente_notificado = h.cliente_notificado OR ${correoCliente} OR ${sms}, email_enviado = h.email_enviado OR ${correoCliente},
        sms_enviado = h.sms_enviado OR ${sms}, push_enviado = h.push_enviado OR ${enVivo},
        fecha_notificacion = COALESCE(h.fecha_notificacion, ${momento}::timestamptz)
      FROM entrega WHERE h.id = entrega.historial_id AND (${correoCliente} OR ${sms} OR ${enVivo})
    ), reintento AS (
      SELECT ${trabajoDeEntrega(Prisma.sql`entrega.id`, reintentoEn)} FROM entrega WHERE ${reintentar}
    )
    SELECT (SELECT count(*) FROM entrega) > 0 AS registrado, (SELECT count(*) FROM reintento) AS reintentos`;
  return registrado ? { estado, intento: numero } : { estado: "OMITIDA" };
}
