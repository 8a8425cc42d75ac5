// Idempotency keys for reschedules: a retried submission (lost response, double click, the form's
// automatic retries) returns the first result and changes nothing. The key row is taken inside the
// reschedule's transaction, so concurrent requests with one key queue on it, and a failed attempt
// leaves no key behind (the next attempt is evaluated afresh).
import { createHash } from "node:crypto";
import { ErrorDominio } from "@/lib/errores";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "./datos";

/** How long a key is remembered; the contract promises at least 24 h. */
export const RETENCION_CLAVES_HORAS = 48;

const FORMATO_CLAVE = /^[\x21-\x7E]{1,255}$/;

/** The `Idempotency-Key` header: absent → null; present → 1–255 visible ASCII characters. */
export function claveDeCabecera(valor: string | null): string | null {
  if (valor === null) return null;
  if (!FORMATO_CLAVE.test(valor))
    throw new ErrorDominio(400, "CLAVE_IDEMPOTENCIA_INVALIDA", "La cabecera Idempotency-Key debe tener de 1 a 255 caracteres ASCII visibles.", {
      campos: { "Idempotency-Key": "De 1 a 255 caracteres ASCII visibles, sin espacios" },
    });
  return valor;
}

/** What makes two requests "the same": the reservation and the parsed body (defaults applied). */
export function huellaDeSolicitud(reservaId: number, solicitud: unknown): string {
  return createHash("sha256").update(JSON.stringify([reservaId, ordenar(solicitud)])).digest("hex");
}

function ordenar(valor: unknown): unknown {
  if (Array.isArray(valor)) return valor.map(ordenar);
  if (valor && typeof valor === "object")
    return Object.fromEntries(Object.entries(valor).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, ordenar(v)]));
  return valor;
}

/**
 * Takes the key for this transaction. Returns the stored response when the key was already used for
 * the same request; throws 409 when it was used for another one; returns null when it is new.
 * A concurrent holder of the key makes this wait until it commits or rolls back.
 */
export async function tomarClave(tx: Tx, usuarioId: number, clave: string, huella: string): Promise<Prisma.JsonValue | null> {
  // An expired key is taken over as a new one (one statement); the worker's sweep deletes old rows.
  const nuevas = await tx.$executeRaw`
    INSERT INTO clave_idempotencia AS c (usuario_id, clave, huella) VALUES (${usuarioId}, ${clave}, ${huella})
    ON CONFLICT (usuario_id, clave) DO UPDATE SET huella = EXCLUDED.huella, respuesta = NULL, creada_en = now()
      WHERE c.creada_en < now() - make_interval(hours => ${RETENCION_CLAVES_HORAS})`;
  if (nuevas === 1) return null;
  const previa = await tx.claveIdempotencia.findUniqueOrThrow({ where: { usuarioId_clave: { usuarioId, clave } } });
  if (previa.huella !== huella)
    throw new ErrorDominio(409, "CLAVE_IDEMPOTENCIA_REUTILIZADA", "Esta clave de idempotencia ya se usó con otra solicitud. Genere una clave nueva para cada reprogramación distinta.", {
      clave_idempotencia: clave,
    });
  return previa.respuesta;
}

export async function guardarRespuesta(tx: Tx, usuarioId: number, clave: string, respuesta: Prisma.InputJsonValue) {
  await tx.claveIdempotencia.update({ where: { usuarioId_clave: { usuarioId, clave } }, data: { respuesta } });
}

/** Forgets keys past their retention; run by the worker's periodic sweep. */
export async function borrarClavesVencidas(db: Tx): Promise<number> {
  return db.$executeRaw`DELETE FROM clave_idempotencia WHERE creada_en < now() - make_interval(hours => ${RETENCION_CLAVES_HORAS})`;
}
