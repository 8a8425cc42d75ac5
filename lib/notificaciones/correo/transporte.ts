// Where emails go: Resend when RESEND_API_KEY is set (alone, or in batches when the pace is the
// limit: see agrupar.ts), otherwise the development mailbox table (readable at /dev/correos). Results
// are classified so the delivery knows whether to retry.
// Error texts keep status and code only: provider messages may echo the address.
import { Resend } from "resend";
import type { Db } from "@/lib/db/client";
import type { TipoErrorEntrega } from "@/lib/generated/prisma/enums";
import { configuracionEntregas } from "../config";
import { agruparEnvios, claveDeLote } from "./agrupar";
import { guardarEnBuzon } from "./buzon";
import type { Adjunto } from "./calendario";
import { esperarTurno } from "./ritmo";

export interface MensajeCorreo {
  entregaId: number;
  para: string;
  asunto: string;
  html: string;
  texto: string;
  adjuntos?: Adjunto[];
}

export type ResultadoEnvio =
  | { ok: true; proveedorId: string }
  | { ok: false; tipo: TipoErrorEntrega; error: string; reintentable: boolean; esperaMs?: number };

export interface TransporteCorreo {
  nombre: "resend" | "buzon";
  enviar(mensaje: MensajeCorreo): Promise<ResultadoEnvio>;
}

/** Same key for every attempt of one delivery: Resend sends it once however often we retry. */
export const claveIdempotencia = (entregaId: number) => `entrega-${entregaId}`;

function segundosAMs(valor: string | undefined): number | undefined {
  const segundos = Number(valor);
  return Number.isFinite(segundos) && segundos >= 0 ? segundos * 1000 : undefined;
}

export function clasificarErrorResend(error: { name?: string; statusCode?: number | null }, cabeceras: Record<string, string> | null): Extract<ResultadoEnvio, { ok: false }> {
  const estado = error.statusCode ?? null;
  const codigo = error.name ?? "desconocido";
  if (estado === null) return { ok: false, tipo: "RED", error: `Sin respuesta de Resend (${codigo})`, reintentable: true };
  const texto = `Resend HTTP ${estado} ${codigo}`;
  if (estado === 429) return { ok: false, tipo: "PROVEEDOR", error: texto, reintentable: true, esperaMs: segundosAMs(cabeceras?.["retry-after"]) };
  // 409: the same idempotency key is still in flight at Resend; asking again later is safe. A 503
  // may say when to come back (Retry-After), like a 429.
  if (estado >= 500 || estado === 409) return { ok: false, tipo: "PROVEEDOR", error: texto, reintentable: true, esperaMs: segundosAMs(cabeceras?.["retry-after"]) };
  if (estado === 422 && /to|recipient|address/i.test(codigo)) return { ok: false, tipo: "DESTINATARIO_INVALIDO", error: texto, reintentable: false };
  return { ok: false, tipo: "PROVEEDOR", error: texto, reintentable: false };
}

/** Permissive batches answer per email: the valid ones are sent, the invalid ones listed by index. */
function resultadosDelLote(n: number, ids: { id: string }[], errores: { index: number; message: string }[]): ResultadoEnvio[] {
  const invalidos = new Set(errores.map((e) => e.index));
  let siguiente = 0;
  return Array.from({ length: n }, (_, i): ResultadoEnvio => {
    if (invalidos.has(i)) return { ok: false, tipo: "DESTINATARIO_INVALIDO", error: "Resend rechazó este correo del lote", reintentable: false };
    const enviado = ids[siguiente++];
    return enviado ? { ok: true, proveedorId: enviado.id } : { ok: false, tipo: "PROVEEDOR", error: "Resend no devolvió el id de este correo", reintentable: true };
  });
}

function envioResend(clave: string, correosPorSegundo: number) {
  const resend = new Resend(clave);
  const correo = (m: MensajeCorreo) => ({
    from: configuracionEntregas().remitente,
    to: [m.para],
    subject: m.asunto,
    html: m.html,
    text: m.texto,
    ...(m.adjuntos?.length ? { attachments: m.adjuntos.map((a) => ({ filename: a.nombre, content: Buffer.from(a.contenido).toString("base64"), contentType: a.tipo })) } : {}),
  });
  const uno = async (m: MensajeCorreo): Promise<ResultadoEnvio> => {
    const { data, error, headers } = await resend.emails.send(correo(m), { idempotencyKey: claveIdempotencia(m.entregaId) });
    if (error || !data) return clasificarErrorResend(error ?? {}, headers);
    return { ok: true, proveedorId: data.id };
  };
  return agruparEnvios({
    turno: () => esperarTurno(correosPorSegundo),
    uno,
    async varios(mensajes) {
      // Resend's batch endpoint takes no attachments: when the pace makes emails leave together (a bulk
      // move), they go without the calendar file; an email sent alone carries it.
      const { data, error, headers } = await resend.batch.send(mensajes.map((m) => correo({ ...m, adjuntos: undefined })), { idempotencyKey: claveDeLote(mensajes), batchValidation: "permissive" });
      if (error || !data) return mensajes.map(() => clasificarErrorResend(error ?? {}, headers));
      return resultadosDelLote(mensajes.length, data.data, "errors" in data ? (data.errors as { index: number; message: string }[]) : []);
    },
  }, correosPorSegundo);
}

// One sender per process (the pace and the batches are shared by all deliveries), rebuilt if the
// key or the rate changes.
let envioActual: { clave: string; porSegundo: number; enviar: ReturnType<typeof envioResend> } | null = null;

function transporteResend(clave: string): TransporteCorreo {
  const { correosPorSegundo } = configuracionEntregas();
  if (envioActual?.clave !== clave || envioActual.porSegundo !== correosPorSegundo) {
    envioActual = { clave, porSegundo: correosPorSegundo, enviar: envioResend(clave, correosPorSegundo) };
  }
  return { nombre: "resend", enviar: envioActual.enviar };
}

function buzonDesarrollo(db: Db): TransporteCorreo {
  return {
    nombre: "buzon",
    async enviar(m) {
      return { ok: true, proveedorId: await guardarEnBuzon(db, { canal: "EMAIL", ...m }) };
    },
  };
}

export function transporteCorreo(db: Db): TransporteCorreo {
  const clave = process.env.RESEND_API_KEY;
  return clave ? transporteResend(clave) : buzonDesarrollo(db);
}
