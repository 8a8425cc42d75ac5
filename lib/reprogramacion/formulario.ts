// The client's reschedule form: its fields (a local date and time in the agency zone, the reason and
// the idempotency key), and how they become the API's payload. Shared by the browser (validation
// before sending) and the server action; the payload then goes through the API's own schema.
import { z } from "zod";
import { Prioridad, TipoRegla } from "@/lib/generated/prisma/enums";
import { diaIso, montoDecimal, motivoSchema, opcionalEnFormulario, porcentaje, texto } from "@/lib/validacion";
import { enFechaLocal } from "./calendario";

export { MOTIVO_MAX, MOTIVO_MIN } from "@/lib/validacion";

export const camposFormularioSchema = z.object({
  fecha: diaIso("Elija una fecha en el calendario"),
  hora: z.string({ error: "Indique la hora" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Indique la hora como HH:MM, p. ej. 10:00"),
  motivo: motivoSchema,
  clave: z.string().regex(/^[\x21-\x7E]{1,255}$/, "Clave de envío inválida"),
});
export type CamposFormulario = z.infer<typeof camposFormularioSchema>;

// Form values arrive as strings; an empty field means "not given", a checked box "on".
const casilla = z.preprocess((v) => v === "on" || v === "true", z.boolean());
const numero = <T extends z.ZodType>(schema: T) => opcionalEnFormulario(z.preprocess((v) => (typeof v === "string" ? Number(v.replace(",", ".")) : v), schema));

/** Support's form (operators and admins): the client's fields plus the staff options of seed 003 §2–§3. */
export const camposPersonalSchema = camposFormularioSchema.extend({
  aplicar_descuento: casilla,
  porcentaje_descuento: numero(porcentaje),
  prioridad: opcionalEnFormulario(z.enum(Prioridad, { error: "Elija BAJA, MEDIA o ALTA" })),
  observaciones_internas: opcionalEnFormulario(texto(2000)),
  notificar_cliente: casilla,
  bypass_reglas: z.array(z.enum(TipoRegla, { error: "Regla desconocida" })).max(3).default([]),
  razon_bypass: opcionalEnFormulario(texto(500)),
  cupones: numero(z.number().int("Un número entero").min(1, "Al menos 1").max(10, "Hasta 10")),
  valor_cupon: opcionalEnFormulario(montoDecimal),
  descripcion_cupon: opcionalEnFormulario(texto(200)),
  categoria_reprogramacion: opcionalEnFormulario(texto(100)),
  observaciones_cliente: opcionalEnFormulario(texto(2000)),
});
export type CamposPersonal = z.infer<typeof camposPersonalSchema>;

/** The API payload for support's form: only what was chosen, so the role check sees what is really asked. */
export function solicitudDelPersonal(c: CamposPersonal, zona: string) {
  return {
    ...solicitudDelFormulario(c, zona),
    notificar_cliente: c.notificar_cliente,
    ...(c.aplicar_descuento ? { aplicar_descuento: true, porcentaje_descuento: c.porcentaje_descuento } : {}),
    ...(c.prioridad ? { prioridad: c.prioridad } : {}),
    ...(c.observaciones_internas ? { observaciones_internas: c.observaciones_internas } : {}),
    ...(c.bypass_reglas.length ? { bypass_reglas: c.bypass_reglas, ...(c.razon_bypass ? { razon_bypass: c.razon_bypass } : {}) } : {}),
    ...(c.valor_cupon
      ? { compensacion_adicional: { tipo: "CUPONES" as const, cantidad: c.cupones ?? 1, valor: c.valor_cupon, ...(c.descripcion_cupon ? { descripcion: c.descripcion_cupon } : {}) } }
      : {}),
    ...(c.categoria_reprogramacion ? { categoria_reprogramacion: c.categoria_reprogramacion } : {}),
    ...(c.observaciones_cliente ? { observaciones_cliente: c.observaciones_cliente } : {}),
  };
}

/** The instant of a local date and time in the agency zone, as the API expects it. */
export function nuevaFechaDe(fecha: string, hora: string, zona: string): string {
  const [h, m] = hora.split(":").map(Number);
  return enFechaLocal(fecha, h, m, zona).toISOString();
}

export function solicitudDelFormulario(campos: CamposFormulario, zona: string) {
  return { nueva_fecha: nuevaFechaDe(campos.fecha, campos.hora, zona), motivo: campos.motivo };
}

const CAMPOS_DEL_FORMULARIO = new Set(Object.keys(camposPersonalSchema.shape));

/** API field names → form field names, so errors land next to the right input. */
export function campoDelFormulario(campoApi: string): string {
  if (campoApi === "nueva_fecha") return "fecha";
  if (campoApi === "compensacion_adicional.descripcion") return "descripcion_cupon";
  if (campoApi === "compensacion_adicional.cantidad") return "cupones";
  if (campoApi.startsWith("compensacion_adicional")) return "valor_cupon";
  return CAMPOS_DEL_FORMULARIO.has(campoApi) ? campoApi : "general";
}

/** A nearby date the server proposes for a blocked one (§7 `sugerencias_fechas` / `fechas_alternativas`). */
export interface Sugerencia {
  fecha: string;
  espacios_libres?: number;
}

export type ResultadoEnvio =
  | { ok: true; historialId: number; fechaNueva: string }
  | {
      ok: false;
      status: number;
      error_code: string;
      detail: string;
      campos: Record<string, string>;
      sugerencias: Sugerencia[];
    };

/** The contract's error body as the form shows it: field errors by form field, suggestions as choices. */
export function resultadoDeError(status: number, cuerpo: Record<string, unknown>): ResultadoEnvio {
  const campos: Record<string, string> = {};
  for (const [campo, mensaje] of Object.entries((cuerpo.campos as Record<string, string> | undefined) ?? {})) campos[campoDelFormulario(campo)] ??= mensaje;
  const sugerencias = ((cuerpo.sugerencias_fechas ?? cuerpo.fechas_alternativas ?? []) as Sugerencia[]).map((s) => ({ fecha: s.fecha, espacios_libres: s.espacios_libres }));
  return { ok: false, status, error_code: String(cuerpo.error_code ?? "ERROR"), detail: String(cuerpo.detail ?? "No se pudo reprogramar."), campos, sugerencias };
}
