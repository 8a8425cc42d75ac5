// One attempt at one delivery, run by the queue worker. Every attempt is recorded with its outcome
// and error type; a retryable failure schedules the next attempt with exponential backoff (or the
// provider's retry-after), and after the last attempt the delivery is dead-lettered (FALLIDA).
// Sending happens outside any transaction; recording the outcome and scheduling the retry is one.
import type { Db } from "@/lib/db/client";
import type { EstadoEntrega } from "@/lib/generated/prisma/enums";
import { configuracionEntregas, esDireccionValida, esperaAntesDeReintentar } from "./config";
import { contactoAgencia, DatosFaltantes, INCLUIR_HISTORIAL_CORREO, renderizarCorreo } from "./correo/contenido";
import { transporteCorreo, type ResultadoEnvio } from "./correo/transporte";
import { encolarEntrega } from "./encolar";
import { eventoEnVivo } from "./evento";
import { PLANTILLA_ADMIN } from "./plantillas";
import { publicarEvento } from "./tiempo-real/publicar";

const INCLUIR_ENTREGA = { historial: { include: { ...INCLUIR_HISTORIAL_CORREO, notificacion: true } } } as const;

type Entrega = NonNullable<Awaited<ReturnType<typeof cargarEntrega>>>;

const cargarEntrega = (db: Db, id: number) => db.entregaNotificacion.findUnique({ where: { id }, include: INCLUIR_ENTREGA });

const fallo = (tipo: Extract<ResultadoEnvio, { ok: false }>["tipo"], error: string, reintentable = false): ResultadoEnvio => ({ ok: false, tipo, error, reintentable });

async function enviarCorreo(db: Db, entrega: Entrega): Promise<ResultadoEnvio> {
  if (!esDireccionValida(entrega.destinatario)) return fallo("DESTINATARIO_INVALIDO", "Dirección de correo con formato inválido");
  let correo;
  try {
    correo = await renderizarCorreo(entrega.historial, entrega.plantilla, await contactoAgencia(db));
  } catch (error) {
    if (error instanceof DatosFaltantes) return fallo("DATOS_FALTANTES", error.message);
    return fallo("PLANTILLA", `No se pudo generar el correo: ${(error as Error).name}`);
  }
  try {
    return await transporteCorreo(db).enviar({ entregaId: entrega.id, para: entrega.destinatario, ...correo });
  } catch {
    return fallo("RED", "El envío no obtuvo respuesta", true);
  }
}

async function enviarEventoEnVivo(db: Db, entrega: Entrega): Promise<ResultadoEnvio> {
  const notificacion = entrega.historial.notificacion;
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
  const resultado = entrega.canal === "EMAIL" ? await enviarCorreo(db, entrega) : await enviarEventoEnVivo(db, entrega);
  const duracionMs = Math.round(performance.now() - inicio);
  const { maxIntentos, esperaBaseMs, esperaMaximaMs } = configuracionEntregas();
  const momento = ahora();
  const reintentar = !resultado.ok && resultado.reintentable && numero < (entrega.limiteIntentos ?? maxIntentos);
  const estado: EstadoEntrega = resultado.ok ? "ENVIADA" : reintentar ? "REINTENTANDO" : "FALLIDA";

  return db.$transaction(async (tx) => {
    // The attempt count doubles as a guard: if a crash-retry of the same job already recorded this
    // attempt, nothing more is written.
    const { count } = await tx.entregaNotificacion.updateMany({
      where: { id: entrega.id, intentos: entrega.intentos },
      data: {
        intentos: numero,
        estado,
        errorTipo: resultado.ok ? null : resultado.tipo,
        error: resultado.ok ? null : resultado.error,
        proveedorId: resultado.ok ? resultado.proveedorId : entrega.proveedorId,
        enviadaAt: resultado.ok ? momento : null,
      },
    });
    if (count === 0) return { estado: "OMITIDA" as const };
    await tx.intentoEntrega.create({
      data: {
        entregaId: entrega.id,
        numero,
        exito: resultado.ok,
        errorTipo: resultado.ok ? null : resultado.tipo,
        error: resultado.ok ? null : resultado.error,
        duracionMs,
      },
    });
    if (resultado.ok) await marcarHistorial(tx, entrega, momento);
    if (reintentar) {
      const espera = esperaAntesDeReintentar(numero, esperaBaseMs, resultado.esperaMs, esperaMaximaMs);
      await encolarEntrega(tx, entrega.id, new Date(momento.getTime() + espera));
    }
    return { estado, intento: numero };
  });
}

/** The history's estado_notificacion follows the deliveries as they complete. */
async function marcarHistorial(tx: Parameters<Parameters<Db["$transaction"]>[0]>[0], entrega: Entrega, momento: Date) {
  const h = entrega.historial;
  const aCliente = entrega.canal === "EMAIL" && entrega.plantilla !== PLANTILLA_ADMIN;
  const enVivo = entrega.canal === "TIEMPO_REAL";
  if (!aCliente && !enVivo) return;
  await tx.historialReprogramacion.update({
    where: { id: h.id },
    data: {
      ...(aCliente ? { clienteNotificado: true, emailEnviado: true } : { pushEnviado: true }),
      ...(h.fechaNotificacion ? {} : { fechaNotificacion: momento }),
    },
  });
}
