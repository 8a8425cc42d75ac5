// Building blocks of the API's response schemas: what every body shares (money as a two-decimal
// string, UTC instants, the error body). They describe responses in /api/openapi.json and type the
// serializers, so a field renamed in one place breaks the build or the e2e validation.
import { z } from "zod";
import { EstadoReserva, Prioridad, Rol, TipoRegla, TipoReprogramacion } from "@/lib/generated/prisma/enums";

export const dineroSchema = z.string().regex(/^-?\d+\.\d{2}$/).meta({ description: "Monto decimal con dos decimales, como texto", example: "2400.00" });
export const instanteSchema = z.iso.datetime({ offset: true }).meta({ description: "Instante ISO 8601 en UTC", example: "2026-12-05T14:00:00.000Z" });
export const diaSchema = z.iso.date().meta({ description: "Día local de la agencia, AAAA-MM-DD", example: "2026-12-05" });
export const idSchema = z.number().int().positive();
export const jsonLibreSchema = z.record(z.string(), z.unknown());

export const rolSchema = z.enum(Rol);
export const estadoReservaSchema = z.enum(EstadoReserva);
export const tipoReglaSchema = z.enum(TipoRegla);
export const tipoReprogramacionSchema = z.enum(TipoReprogramacion);
export const prioridadSchema = z.enum(Prioridad);

/** The contract's error body: detail, error_code and, depending on the error, more context. */
export const errorSchema = z
  .looseObject({
    detail: z.string().meta({ description: "Explicación en español, para mostrar" }),
    error_code: z.string().meta({ description: "Código estable para programas" }),
    campos: z.record(z.string(), z.string()).optional().meta({ description: "Campo → mensaje, en errores de validación" }),
    request_id: z.string().optional().meta({ description: "Solo en 5xx: el id de la solicitud (cabecera x-request-id), para citar a soporte" }),
  })
  .meta({ id: "Error" });

export const paginaSchema = { total: z.number().int().min(0), pagina: z.number().int().min(1), por_pagina: z.number().int().min(1) };
