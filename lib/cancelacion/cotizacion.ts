// A cancellation quote as the client sees it before confirming: the figures, and an opaque token
// that carries them signed (HMAC-SHA256 with the server's secret) with what they depend on — the
// reservation, its start and total, the rules' version — and a 15-minute expiry. Nothing is stored:
// cancelling checks the signature and that the same figures still hold now.
import { createHmac, timingSafeEqual } from "node:crypto";
import { ErrorDominio } from "@/lib/errores";
import type { CotizacionCancelacion } from "@/lib/politicas/politicas";

export const VIGENCIA_COTIZACION_MS = 15 * 60_000;

export interface DatosCotizacion {
  reservaId: number;
  porcentaje: number;
  monto: string;
  costo: string;
  total: string;
  fechaInicio: string;
  version: string;
  venceAt: string;
}

// next-auth requires NEXTAUTH_SECRET in production; development and tests use their own fixed one.
const secreto = () => process.env.NEXTAUTH_SECRET ?? "solo-para-desarrollo-cambiar-en-produccion";
const firmar = (cuerpo: string) => createHmac("sha256", `cotizacion:${secreto()}`).update(cuerpo).digest("base64url");

export function tokenDeCotizacion(d: DatosCotizacion): string {
  const cuerpo = Buffer.from(JSON.stringify(d)).toString("base64url");
  return `c1.${cuerpo}.${firmar(cuerpo)}`;
}

const invalida = () => new ErrorDominio(400, "COTIZACION_INVALIDA", "La cotización no es válida: pida una nueva antes de cancelar.", { campos: { cotizacion: "Cotización inválida" } });

/** The quote's data when the token is ours and untouched; a 400 otherwise. */
export function leerCotizacion(token: string): DatosCotizacion {
  const [version, cuerpo, firma, ...resto] = token.split(".");
  if (version !== "c1" || !cuerpo || !firma || resto.length) throw invalida();
  const esperada = Buffer.from(firmar(cuerpo));
  const recibida = Buffer.from(firma);
  if (esperada.length !== recibida.length || !timingSafeEqual(esperada, recibida)) throw invalida();
  try {
    return JSON.parse(Buffer.from(cuerpo, "base64url").toString("utf8")) as DatosCotizacion;
  } catch {
    throw invalida();
  }
}

/** The same figures on the same reservation state, rules and start: the quote still holds. */
export function mismaCotizacion(a: DatosCotizacion, b: DatosCotizacion) {
  return a.reservaId === b.reservaId && a.porcentaje === b.porcentaje && a.monto === b.monto && a.costo === b.costo && a.total === b.total && a.fechaInicio === b.fechaInicio && a.version === b.version;
}

/** Until when a quote made now holds: 15 minutes, or less if its tier ends sooner. */
export function venceCotizacion(c: Pick<CotizacionCancelacion, "cambia_at">, ahora: Date): Date {
  const limite = new Date(ahora.getTime() + VIGENCIA_COTIZACION_MS);
  return c.cambia_at && new Date(c.cambia_at) < limite ? new Date(c.cambia_at) : limite;
}
