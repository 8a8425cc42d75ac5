// Seed §9's retry policy, for any call: no answer (a throw) or a retryable answer (a 5xx) is tried
// again after 1 s, 2 s, 4 s…; anything else is returned at once. Callers make the call idempotent.

export interface OpcionesReintento<T> {
  reintentos: number;
  reintentable: (resultado: T) => boolean;
  alReintentar?: (numero: number) => void;
  esperar?: (ms: number) => Promise<void>;
}

const esperarMs = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The first final answer; after the last retry, the last answer, or null when nothing answered. */
export async function conReintentos<T>(llamada: () => Promise<T>, { reintentos, reintentable, alReintentar, esperar = esperarMs }: OpcionesReintento<T>): Promise<T | null> {
  for (let intento = 0; ; intento++) {
    let resultado: T | null = null;
    try {
      resultado = await llamada();
    } catch {
      resultado = null;
    }
    if (resultado !== null && !reintentable(resultado)) return resultado;
    if (intento >= reintentos) return resultado;
    alReintentar?.(intento + 1);
    await esperar(2 ** intento * 1000);
  }
}
