// Validation shared by every payload, query string and form: the primitives that keep values inside
// what PostgreSQL stores (ids in int4, years 2000–2100, two-decimal percentages, clean Unicode),
// and zod issues → the contract's error body.
import { z, type ZodError } from "zod";
import { ErrorDominio } from "@/lib/errores";

// In the browser, zod probes `new Function("")` to decide whether to compile fast parsers: under the
// product's CSP (no 'unsafe-eval') that probe is a reported violation. The browser parses a handful
// of small forms, so the interpreted parsers cost nothing there; the server keeps the compiled ones.
// Set here, before any schema of this module (which every client-side schema imports) is built.
if (typeof window !== "undefined") z.config({ jitless: true });

export function errorDeValidacion(error: ZodError, detail = "Los datos enviados no son válidos."): ErrorDominio {
  const campos: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) campos[[...issue.path, key].join(".")] = "Campo no permitido";
      continue;
    }
    const campo = issue.path.join(".") || "cuerpo";
    campos[campo] ??= issue.message;
  }
  return new ErrorDominio(400, "DATOS_INVALIDOS", detail, { campos });
}

/** The parsed value, or the contract's 400 DATOS_INVALIDOS with each field's message. */
export function parsearCon<T>(schema: z.ZodType<T>, datos: unknown, detail?: string): T {
  const r = schema.safeParse(datos);
  if (!r.success) throw errorDeValidacion(r.error, detail);
  return r.data;
}

/** Largest id PostgreSQL's `integer` holds: every id column is int4. */
export const ID_MAXIMO = 2_147_483_647;

/** An id in a JSON body. */
export const idEntero = (mensaje = "Debe ser un id numérico") =>
  z.number({ error: mensaje }).int(mensaje).positive(mensaje).max(ID_MAXIMO, "Id fuera de rango");

/** An id in a query string: digits only (no "0x10", "1e3" or " 7"), within int4. */
export const idDeConsulta = z
  .string()
  .regex(/^\d{1,10}$/, "Debe ser un id numérico")
  .transform(Number)
  .pipe(z.number().int().positive("Debe ser un id numérico").max(ID_MAXIMO, "Id fuera de rango"));

// NUL and other control characters (tab and line breaks are text), and UTF-16 halves without their
// pair: PostgreSQL refuses the first, JSON encoders and email renderers choke on the second.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const SURROGADO_SUELTO = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const MENSAJE_CARACTERES = "Contiene caracteres no permitidos (de control o Unicode inválido)";

export const esTextoSeguro = (texto: string) => !CONTROL.test(texto) && !SURROGADO_SUELTO.test(texto);

interface OpcionesTexto {
  min?: number;
  requerido?: string;
  mensajeMin?: string;
  mensajeMax?: string;
}

/** A trimmed string of `min` to `max` characters with no control characters or invalid Unicode. */
export const texto = (max: number, { min = 0, requerido = "Debe ser texto", mensajeMin = `Mínimo ${min} caracteres`, mensajeMax = `Máximo ${max} caracteres` }: OpcionesTexto = {}) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? requerido : "Debe ser texto") })
    .refine(esTextoSeguro, MENSAJE_CARACTERES)
    .transform((v) => v.trim())
    .pipe(z.string().min(min, mensajeMin).max(max, mensajeMax));

/** The first string (key or value) anywhere in a parsed JSON body that is not safe text, as a path. */
export const PROFUNDIDAD_MAXIMA_JSON = 32;

/** The deepest nesting of objects and arrays in a JSON text, brackets inside strings ignored. Stops counting past the limit. */
export function profundidadJson(texto: string): number {
  let profundidad = 0;
  let maxima = 0;
  let enCadena = false;
  for (let i = 0; i < texto.length; i++) {
    const c = texto.charCodeAt(i);
    if (enCadena) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) enCadena = false;
    } else if (c === 34) enCadena = true;
    else if (c === 91 || c === 123) {
      if (++profundidad > maxima && (maxima = profundidad) > PROFUNDIDAD_MAXIMA_JSON) return maxima;
    } else if (c === 93 || c === 125) profundidad--;
  }
  return maxima;
}

export function rutaDeTextoInseguro(valor: unknown, ruta: string[] = []): string | null {
  if (typeof valor === "string") return esTextoSeguro(valor) ? null : ruta.join(".") || "cuerpo";
  if (Array.isArray(valor)) {
    for (let i = 0; i < valor.length; i++) {
      const hallada = rutaDeTextoInseguro(valor[i], [...ruta, String(i)]);
      if (hallada) return hallada;
    }
    return null;
  }
  if (valor && typeof valor === "object") {
    for (const [clave, v] of Object.entries(valor)) {
      if (!esTextoSeguro(clave)) return [...ruta, "(clave)"].join(".");
      const hallada = rutaDeTextoInseguro(v, [...ruta, clave]);
      if (hallada) return hallada;
    }
  }
  return null;
}

// Dates the product stores: anything outside these years is a typo or an attack, and years beyond
// 9999 (or 0000) cannot round-trip through PostgreSQL and JavaScript.
export const FECHA_MINIMA = new Date("2000-01-01T00:00:00Z");
export const FECHA_MAXIMA = new Date("2100-12-31T23:59:59Z");
const MENSAJE_RANGO = "Fecha fuera de rango: use años entre 2000 y 2100";
const enRango = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isFinite(t) && t >= FECHA_MINIMA.getTime() && t <= FECHA_MAXIMA.getTime();
};

/** An ISO 8601 instant with its offset, between the years 2000 and 2100. */
export const fechaIso = (requerida: string) =>
  z.iso
    .datetime({ offset: true, error: (issue) => (issue.input === undefined ? requerida : "Fecha inválida: use ISO 8601, p. ej. 2026-12-01T14:30:00Z") })
    .refine(enRango, MENSAJE_RANGO);

/** A calendar day YYYY-MM-DD between the years 2000 and 2100. */
export const diaIso = (mensaje = "Use fechas AAAA-MM-DD") => z.iso.date({ error: mensaje }).refine((d) => enRango(`${d}T12:00:00Z`), MENSAJE_RANGO);

/** A percentage as the database stores it: numeric(5,2), above 0, at most 100, two decimals. */
export const porcentaje = z
  .number({ error: "Debe ser un número" })
  .gt(0, "El porcentaje debe ser mayor a 0")
  .max(100, "El porcentaje no puede superar 100")
  .refine((v) => Number(v.toFixed(2)) === v, "Use como máximo dos decimales, p. ej. 12.5");

/** Money as numeric(12,2): a non-negative amount with up to ten integer digits and two decimals. */
export const montoDecimal = z
  .union([z.string(), z.number()], { error: "Debe ser un monto, p. ej. \"100.00\"" })
  .transform((v) => (typeof v === "number" ? v.toFixed(2) : v.trim()))
  .refine((v) => /^\d{1,10}(\.\d{1,2})?$/.test(v), "Debe ser un monto no negativo con hasta dos decimales, p. ej. \"100.00\"");

/** A reschedule's reason (seed 003 §9: at least 10 characters), shared by the API and the forms. */
export const MOTIVO_MIN = 10;
export const MOTIVO_MAX = 1000;
export const motivoSchema = texto(MOTIVO_MAX, {
  min: MOTIVO_MIN,
  requerido: "El motivo es requerido",
  mensajeMin: `El motivo debe tener al menos ${MOTIVO_MIN} caracteres`,
  mensajeMax: `El motivo no puede superar ${MOTIVO_MAX} caracteres`,
});

/** A form field that may be left empty: "" (or null) counts as not given. */
export const opcionalEnFormulario = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** An email as people type it: trimmed, stored as typed, compared case-insensitively by the queries. */
export const emailSchema = z
  .string({ error: "Indique el correo" })
  .trim()
  .min(1, "Indique el correo")
  .max(254, "Máximo 254 caracteres")
  .pipe(z.email({ error: "Escriba un correo válido, por ejemplo nombre@agencia.bo" }));
