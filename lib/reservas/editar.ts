// The agency's system corrects a booking: destination, money, services, its own code. Never the
// date (that is a reschedule, with its rules and history) nor the counters. Every change is audited.
import { z } from "zod";
import type { Actor } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { ErrorDominio, noEncontrado } from "@/lib/errores";
import { Prisma } from "@/lib/generated/prisma/client";
import { montoDecimal, parsearCon, texto } from "@/lib/validacion";
import { mismosServicios, monedaSchema, referenciaExistente, referenciaExternaSchema, serviciosNormalizados, serviciosSchema } from "./crear";
import { INCLUIR_RESERVA, type ReservaCompleta } from "./serializar";

export const edicionReservaSchema = z
  .object({
    destino: texto(200, { min: 2, mensajeMin: "El destino es requerido" }).optional(),
    total: montoDecimal.optional(),
    moneda: monedaSchema.optional(),
    servicios: serviciosSchema.optional(),
    referencia_externa: referenciaExternaSchema.nullable().optional(),
  })
  .strict()
  .refine((d) => Object.keys(d).length > 0, "Indique al menos un campo para cambiar");
type EdicionReserva = z.infer<typeof edicionReservaSchema>;

// Fields of a reservation that a PATCH never changes, and why (the contract's answer instead of "unknown field").
const NO_EDITABLES: Record<string, string> = {
  fecha_inicio: "La fecha se cambia con una reprogramación: POST /api/reservas/{id}/reprogramar/.",
  estado: "El estado no se edita aquí.",
  numero_reprogramaciones: "Los contadores los lleva el producto.",
  usuario: "El titular no se cambia aquí.",
};

export type Cambios = Record<string, { antes: unknown; despues: unknown }>;

/** What an edit would change in a reservation, field by field, as audited (amounts with two decimals). */
export function cambiosDeReserva(antes: ReservaCompleta, datos: Partial<Pick<EdicionReserva, "destino" | "total" | "moneda" | "servicios" | "referencia_externa">>): Cambios {
  const cambios: Cambios = {};
  if (datos.destino !== undefined && datos.destino !== antes.destino) cambios.destino = { antes: antes.destino, despues: datos.destino };
  if (datos.total !== undefined && !antes.total.equals(datos.total)) cambios.total = { antes: antes.total.toFixed(2), despues: new Prisma.Decimal(datos.total).toFixed(2) };
  if (datos.moneda !== undefined && datos.moneda !== antes.moneda) cambios.moneda = { antes: antes.moneda, despues: datos.moneda };
  if (datos.referencia_externa !== undefined && datos.referencia_externa !== antes.referenciaExterna) cambios.referencia_externa = { antes: antes.referenciaExterna, despues: datos.referencia_externa };
  if (datos.servicios !== undefined && !mismosServicios(antes.servicios, datos.servicios))
    cambios.servicios = { antes: serviciosNormalizados(antes.servicios), despues: serviciosNormalizados(datos.servicios) };
  return cambios;
}

export async function editarReserva(db: Db, actor: Actor, id: number, body: unknown) {
  const ajenos = body && typeof body === "object" ? Object.keys(body).filter((k) => k in NO_EDITABLES) : [];
  if (ajenos.length)
    throw new ErrorDominio(400, "CAMPO_NO_EDITABLE", NO_EDITABLES[ajenos[0]], { campos: Object.fromEntries(ajenos.map((k) => [k, NO_EDITABLES[k]])) });
  const datos = parsearCon(edicionReservaSchema, body, "Los datos de la reserva no son válidos.");
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT id FROM reserva WHERE id = ${id} FOR UPDATE`;
      const antes = await tx.reserva.findUnique({ where: { id }, include: INCLUIR_RESERVA });
      if (!antes) throw noEncontrado("La reserva no existe.");
      const cambios = cambiosDeReserva(antes, datos);
      if (Object.keys(cambios).length === 0) return antes;
      await tx.reserva.update({
        where: { id },
        data: {
          destino: datos.destino,
          total: datos.total,
          moneda: datos.moneda,
          referenciaExterna: datos.referencia_externa,
          ...(cambios.servicios ? { servicios: { deleteMany: {}, create: datos.servicios } } : {}),
        },
      });
      await tx.auditoriaReserva.create({ data: { reservaId: id, actorId: actor.id, cambios: cambios as Prisma.InputJsonValue } });
      return tx.reserva.findUniqueOrThrow({ where: { id }, include: INCLUIR_RESERVA });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const otra = await db.reserva.findUnique({ where: { referenciaExterna: datos.referencia_externa ?? "" }, select: { id: true } });
      throw referenciaExistente(otra?.id ?? id, ["referencia_externa"]);
    }
    throw error;
  }
}
