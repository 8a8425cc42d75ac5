// Delivery settings, all from the environment so one build runs anywhere. Read on every use: tests
// and the worker process may set them after import.
import { z } from "zod";
import { enteroDelEntorno } from "@/lib/entorno";

const correoValido = z.email();

export const esDireccionValida = (direccion: string) => correoValido.safeParse(direccion).success;

export function configuracionEntregas() {
  return {
    // Defaults ride out a provider incident of several minutes: 8 attempts, waits of 5 s doubling
    // up to 5 min (5+10+20+40+80+160+300 s ≈ 10 min) before a delivery is dead-lettered.
    /** Attempts per delivery before it is dead-lettered (estado FALLIDA). */
    maxIntentos: enteroDelEntorno("NOTIFICACIONES_MAX_INTENTOS", 8, 1),
    /** First retry delay; each next one doubles it. */
    esperaBaseMs: enteroDelEntorno("NOTIFICACIONES_ESPERA_BASE_MS", 5000, 0),
    /** Longest wait between two attempts (a provider's retry-after may ask for more). */
    esperaMaximaMs: enteroDelEntorno("NOTIFICACIONES_ESPERA_MAXIMA_MS", 300_000, 0),
    /** Emails per second to the provider from one worker process. */
    correosPorSegundo: enteroDelEntorno("RESEND_CORREOS_POR_SEGUNDO", 2, 1),
    adminEmails: (process.env.ADMIN_EMAILS ?? "")
      .split(",")
      .map((d) => d.trim())
      .filter(Boolean),
    remitente: process.env.EMAIL_FROM || "Agencia de Viajes <notificaciones@agencia.bo>",
    urlAplicacion: (process.env.APP_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/$/, ""),
  };
}

/** Retry delay for attempt n (1-based) that just failed: base · 2^(n-1) up to a cap, or the provider's ask if longer. */
export function esperaAntesDeReintentar(intento: number, esperaBaseMs: number, pedidaPorProveedorMs?: number, esperaMaximaMs = Infinity): number {
  const exponencial = Math.min(esperaBaseMs * 2 ** (intento - 1), esperaMaximaMs);
  return Math.max(exponencial, pedidaPorProveedorMs ?? 0);
}
