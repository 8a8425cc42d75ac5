// The agency settings the API reads (refunds, costs, coupon validity, support contact, booking
// horizon), as admins edit them. The time zone comes from AGENCIA_TZ and is shown, not stored.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { obtenerConfiguracion } from "@/lib/reprogramacion/datos";
import { errorDeValidacion, montoDecimal, texto } from "@/lib/validacion";

const entero = (min: number, max: number, unidad: string) =>
  z.number({ error: `Indique ${unidad}` }).int("Debe ser un entero").min(min, `Mínimo ${min}`).max(max, `Máximo ${max}`);

export const configuracionSchema = z
  .object({
    nombre_agencia: texto(120, { min: 2, requerido: "Indique el nombre" }),
    porcentaje_reembolso: entero(0, 100, "un porcentaje"),
    porcentaje_reembolso_tardio: entero(0, 100, "un porcentaje"),
    costo_transferencia: montoDecimal,
    costo_reprogramacion: montoDecimal,
    validez_cupon_dias: entero(1, 3650, "los días"),
    email_soporte: z.email({ error: "Indique un correo válido" }).max(200),
    telefono_soporte: texto(40, { min: 5, requerido: "Indique el teléfono" }),
    horizonte_reserva_dias: entero(1, 3650, "los días"),
  })
  .strict();
export type ConfiguracionEditable = z.infer<typeof configuracionSchema>;

export function serializarConfiguracion(c: Awaited<ReturnType<typeof obtenerConfiguracion>>): ConfiguracionEditable {
  return {
    nombre_agencia: c.nombreAgencia,
    porcentaje_reembolso: c.porcentajeReembolso,
    porcentaje_reembolso_tardio: c.porcentajeReembolsoTardio,
    costo_transferencia: c.costoTransferencia.toFixed(2),
    costo_reprogramacion: c.costoReprogramacion.toFixed(2),
    validez_cupon_dias: c.validezCuponDias,
    email_soporte: c.emailSoporte,
    telefono_soporte: c.telefonoSoporte,
    horizonte_reserva_dias: c.horizonteReservaDias,
  };
}

export async function leerConfiguracion(db: Db) {
  return serializarConfiguracion(await obtenerConfiguracion(db));
}

export async function actualizarConfiguracion(db: Db, body: unknown) {
  const r = configuracionSchema.safeParse(body);
  if (!r.success) throw errorDeValidacion(r.error, "La configuración no es válida.");
  const d = r.data;
  const config = await obtenerConfiguracion(db);
  const guardada = await db.configuracionAgencia.update({
    where: { id: config.id },
    data: {
      nombreAgencia: d.nombre_agencia,
      porcentajeReembolso: d.porcentaje_reembolso,
      porcentajeReembolsoTardio: d.porcentaje_reembolso_tardio,
      costoTransferencia: d.costo_transferencia,
      costoReprogramacion: d.costo_reprogramacion,
      validezCuponDias: d.validez_cupon_dias,
      emailSoporte: d.email_soporte,
      telefonoSoporte: d.telefono_soporte,
      horizonteReservaDias: d.horizonte_reserva_dias,
    },
  });
  return serializarConfiguracion(guardada);
}
