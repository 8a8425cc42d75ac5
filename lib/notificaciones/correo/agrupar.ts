// When the provider's request rate is the bottleneck (Resend's default: 2 requests per second),
// emails waiting for a turn leave together in one batch request (up to 100). A bulk move of 500
// reservations then needs a handful of requests instead of minutes of single sends. While the pace
// can send the waiting emails one by one within a second, each goes alone, keyed by its delivery.
import { createHash } from "node:crypto";
import type { MensajeCorreo, ResultadoEnvio } from "./transporte";

/** Resend's batch endpoint takes at most 100 emails per request. */
export const MAXIMO_POR_PETICION = 100;

export interface EnviosAgrupados {
  uno(mensaje: MensajeCorreo): Promise<ResultadoEnvio>;
  /** One result per message, in order. */
  varios(mensajes: MensajeCorreo[]): Promise<ResultadoEnvio[]>;
  /** Resolves when the next request may leave (the process's pace). */
  turno(): Promise<void>;
}

/**
 * Same key for the same set of deliveries, so a batch retried as it was is sent once. A delivery
 * retried in a different grouping gets a different key: Resend cannot recognise it across groupings,
 * which only matters when a batch's answer was lost in transit (type RED).
 */
export function claveDeLote(mensajes: MensajeCorreo[]): string {
  const ids = mensajes.map((m) => m.entregaId).sort((a, b) => a - b);
  return `lote-${createHash("sha256").update(ids.join(",")).digest("hex").slice(0, 40)}`;
}

/** `porSegundo`: the pace; more emails waiting than it sends in a second go as a batch. */
export function agruparEnvios(envio: EnviosAgrupados, porSegundo: number) {
  let espera: { mensaje: MensajeCorreo; listo: (r: ResultadoEnvio) => void; fallo: (e: unknown) => void }[] = [];
  let despachando = false;

  async function despachar() {
    despachando = true;
    try {
      while (espera.length) {
        await envio.turno();
        // What arrived while this turn was awaited leaves with it, if it is more than a second's worth.
        const grupo = espera.slice(0, espera.length > porSegundo ? MAXIMO_POR_PETICION : 1);
        espera = espera.slice(grupo.length);
        // Not awaited: the next turn does not wait for this answer, only for the pace.
        void enviarGrupo(grupo);
      }
    } finally {
      despachando = false;
    }
  }

  // A request that throws fails every email in it, as a single send would: the delivery classifies it.
  async function enviarGrupo(grupo: typeof espera) {
    try {
      const resultados = grupo.length === 1 ? [await envio.uno(grupo[0].mensaje)] : await envio.varios(grupo.map((g) => g.mensaje));
      grupo.forEach((g, i) => g.listo(resultados[i]));
    } catch (error) {
      grupo.forEach((g) => g.fallo(error));
    }
  }

  return (mensaje: MensajeCorreo) =>
    new Promise<ResultadoEnvio>((listo, fallo) => {
      espera.push({ mensaje, listo, fallo });
      if (!despachando) void despachar();
    });
}
