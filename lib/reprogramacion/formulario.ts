// The client's reschedule form: its fields (a local date and time in the agency zone, the reason and
// the idempotency key), and how they become the API's payload. Shared by the browser (validation
// before sending) and the server action; the payload then goes through the API's own schema.
import { z } from "zod";
import { diaIso, motivoSchema } from "@/lib/validacion";
import { enFechaLocal } from "./calendario";

export { MOTIVO_MAX, MOTIVO_MIN } from "@/lib/validacion";

export const camposFormularioSchema = z.object({
  fecha: diaIso("Elija una fecha en el calendario"),
  hora: z.string({ error: "Indique la hora" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Indique la hora como HH:MM, p. ej. 10:00"),
  motivo: motivoSchema,
  clave: z.string().regex(/^[\x21-\x7E]{1,255}$/, "Clave de envío inválida"),
});
export type CamposFormulario = z.infer<typeof camposFormularioSchema>;

/** The instant of a local date and time in the agency zone, as the API expects it. */
export function nuevaFechaDe(fecha: string, hora: string, zona: string): string {
  const [h, m] = hora.split(":").map(Number);
  return enFechaLocal(fecha, h, m, zona).toISOString();
}

export function solicitudDelFormulario(campos: CamposFormulario, zona: string) {
  return { nueva_fecha: nuevaFechaDe(campos.fecha, campos.hora, zona), motivo: campos.motivo };
}

/** API field names → form field names, so errors land next to the right input. */
export function campoDelFormulario(campoApi: string): keyof CamposFormulario | "general" {
  if (campoApi === "nueva_fecha") return "fecha";
  if (campoApi === "motivo" || campoApi === "fecha" || campoApi === "hora") return campoApi;
  return "general";
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
      campos: Partial<Record<keyof CamposFormulario | "general", string>>;
      sugerencias: Sugerencia[];
    };

/** The contract's error body as the form shows it: field errors by form field, suggestions as choices. */
export function resultadoDeError(status: number, cuerpo: Record<string, unknown>): ResultadoEnvio {
  const campos: Partial<Record<keyof CamposFormulario | "general", string>> = {};
  for (const [campo, mensaje] of Object.entries((cuerpo.campos as Record<string, string> | undefined) ?? {})) campos[campoDelFormulario(campo)] ??= mensaje;
  const sugerencias = ((cuerpo.sugerencias_fechas ?? cuerpo.fechas_alternativas ?? []) as Sugerencia[]).map((s) => ({ fecha: s.fecha, espacios_libres: s.espacios_libres }));
  return { ok: false, status, error_code: String(cuerpo.error_code ?? "ERROR"), detail: String(cuerpo.detail ?? "No se pudo reprogramar."), campos, sugerencias };
}
