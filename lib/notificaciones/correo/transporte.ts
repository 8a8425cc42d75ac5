// Where emails go: Resend when RESEND_API_KEY is set, otherwise the development mailbox table
// (readable at /dev/correos). Results are classified so the delivery knows whether to retry.
// Error texts keep status and code only: provider messages may echo the address.
import { Resend } from "resend";
import type { Db } from "@/lib/db/client";
import type { TipoErrorEntrega } from "@/lib/generated/prisma/enums";
import { configuracionEntregas } from "../config";
import { esperarTurno } from "./ritmo";

export interface MensajeCorreo {
  entregaId: number;
  para: string;
  asunto: string;
  html: string;
  texto: string;
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

function transporteResend(clave: string): TransporteCorreo {
  const resend = new Resend(clave);
  return {
    nombre: "resend",
    async enviar(m) {
      const { remitente, correosPorSegundo } = configuracionEntregas();
      await esperarTurno(correosPorSegundo);
      const { data, error, headers } = await resend.emails.send(
        { from: remitente, to: [m.para], subject: m.asunto, html: m.html, text: m.texto },
        { idempotencyKey: claveIdempotencia(m.entregaId) },
      );
      if (error || !data) return clasificarErrorResend(error ?? {}, headers);
      return { ok: true, proveedorId: data.id };
    },
  };
}

function buzonDesarrollo(db: Db): TransporteCorreo {
  return {
    nombre: "buzon",
    async enviar(m) {
      // Keyed on the delivery id: a retried job never stores the same email twice. One statement
      // (Prisma's upsert is a transaction of three).
      const [correo] = await db.$queryRaw<{ id: number }[]>`
        INSERT INTO correo_desarrollo (entrega_id, para, asunto, html, texto) VALUES (${m.entregaId}, ${m.para}, ${m.asunto}, ${m.html}, ${m.texto})
        ON CONFLICT (entrega_id) DO UPDATE SET entrega_id = EXCLUDED.entrega_id
        RETURNING id`;
      return { ok: true, proveedorId: `buzon-${correo.id}` };
    },
  };
}

export function transporteCorreo(db: Db): TransporteCorreo {
  const clave = process.env.RESEND_API_KEY;
  return clave ? transporteResend(clave) : buzonDesarrollo(db);
}
