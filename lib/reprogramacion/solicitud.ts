// The reschedule payload (seed 003 §1–§3): one zod schema, plus which fields each role may send.
// Unknown fields → 400; fields above the actor's role → 403 naming them; wrong values → 400.
import { z } from "zod";
import { ErrorDominio, permisoDenegado } from "@/lib/errores";
import type { Rol } from "@/lib/generated/prisma/enums";
import { Prioridad, TipoReprogramacion } from "@/lib/generated/prisma/enums";
import { errorDeValidacion, fechaIso, montoDecimal, motivoSchema, porcentaje, texto } from "@/lib/validacion";
import { DESCUENTO_MAXIMO_OPERADOR } from "./descuento";


const compensacionSchema = z
  .object({
    tipo: z.literal("CUPONES", { error: "El único tipo de compensación es CUPONES" }),
    cantidad: z.number().int().min(1).max(10).default(1),
    valor: montoDecimal.refine((v) => Number(v) > 0, "El valor del cupón debe ser mayor a 0"),
    descripcion: texto(200).optional(),
  })
  .strict();

export const solicitudSchema = z
  .object({
    nueva_fecha: fechaIso("La nueva fecha es requerida"),
    motivo: motivoSchema,
    aplicar_descuento: z.boolean({ error: "Debe ser true o false" }).optional(),
    porcentaje_descuento: porcentaje.optional(),
    notificar_cliente: z.boolean({ error: "Debe ser true o false" }).optional(),
    prioridad: z.enum(Prioridad, { error: "Prioridad inválida: BAJA, MEDIA o ALTA" }).optional(),
    observaciones_internas: texto(2000).optional(),
    bypass_reglas: z.array(z.enum(["TIEMPO_MINIMO", "LIMITE_REPROGRAMACIONES", "DIA_BLACKOUT", "COSTO_REPROGRAMACION"], { error: "Regla desconocida: TIEMPO_MINIMO, LIMITE_REPROGRAMACIONES, DIA_BLACKOUT o COSTO_REPROGRAMACION" })).max(4).optional(),
    razon_bypass: texto(500).optional(),
    tipo_reprogramacion: z.enum(TipoReprogramacion, { error: "Tipo inválido" }).optional(),
    compensacion_adicional: compensacionSchema.optional(),
    categoria_reprogramacion: texto(100).optional(),
    observaciones_cliente: texto(2000).optional(),
    aprobado_por: texto(200).optional(),
  })
  .strict();

export type SolicitudReprogramacion = z.infer<typeof solicitudSchema>;
type Campo = keyof SolicitudReprogramacion;

const CAMPOS_CLIENTE: Campo[] = ["nueva_fecha", "motivo"];
const CAMPOS_OPERADOR: Campo[] = [
  ...CAMPOS_CLIENTE,
  "aplicar_descuento",
  "porcentaje_descuento",
  "notificar_cliente",
  "prioridad",
  "observaciones_internas",
];
const CAMPOS_ADMIN = Object.keys(solicitudSchema.shape) as Campo[];
const CAMPOS_POR_ROL: Record<Rol, Campo[]> = { CLIENTE: CAMPOS_CLIENTE, OPERADOR: CAMPOS_OPERADOR, ADMIN: CAMPOS_ADMIN };

export function comoObjeto(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new ErrorDominio(400, "JSON_INVALIDO", "El cuerpo de la solicitud debe ser un objeto JSON.");
  return body as Record<string, unknown>;
}

/** Parses and authorizes a reschedule payload for the actor's role. */
export function interpretarSolicitud(body: unknown, rol: Rol): SolicitudReprogramacion {
  const datos = comoObjeto(body);
  const desconocidos = Object.keys(datos).filter((k) => !CAMPOS_ADMIN.includes(k as Campo));
  if (desconocidos.length) {
    throw new ErrorDominio(400, "DATOS_INVALIDOS", "La solicitud contiene campos desconocidos.", {
      campos: Object.fromEntries(desconocidos.map((k) => [k, "Campo no permitido"])),
    });
  }
  const permitidos = CAMPOS_POR_ROL[rol];
  const prohibidos = Object.keys(datos).filter((k) => !permitidos.includes(k as Campo));
  if (prohibidos.length) {
    const quien = prohibidos.some((k) => !CAMPOS_OPERADOR.includes(k as Campo)) ? "administradores" : "operadores o administradores";
    throw permisoDenegado(`Solo ${quien} pueden enviar: ${prohibidos.join(", ")}.`, { campos_no_permitidos: prohibidos });
  }
  const parsed = solicitudSchema.safeParse(datos);
  if (!parsed.success) throw errorDeValidacion(parsed.error);
  const solicitud = parsed.data;

  if (solicitud.aplicar_descuento && solicitud.porcentaje_descuento === undefined)
    throw new ErrorDominio(400, "DATOS_INVALIDOS", "Indique el porcentaje de descuento.", {
      campos: { porcentaje_descuento: "Requerido cuando aplicar_descuento es true" },
    });
  if (!solicitud.aplicar_descuento && solicitud.porcentaje_descuento !== undefined)
    throw new ErrorDominio(400, "DATOS_INVALIDOS", "Para aplicar un descuento envíe aplicar_descuento: true.", {
      campos: { aplicar_descuento: "Debe ser true cuando se envía porcentaje_descuento" },
    });
  if (rol === "OPERADOR" && (solicitud.porcentaje_descuento ?? 0) > DESCUENTO_MAXIMO_OPERADOR)
    throw new ErrorDominio(
      403,
      "DESCUENTO_REQUIERE_APROBACION_ADMIN",
      `Un descuento superior al ${DESCUENTO_MAXIMO_OPERADOR}% requiere la aprobación de un administrador.`,
      { porcentaje_solicitado: solicitud.porcentaje_descuento, porcentaje_maximo_operador: DESCUENTO_MAXIMO_OPERADOR },
    );
  return solicitud;
}
