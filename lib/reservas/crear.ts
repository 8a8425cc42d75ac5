// Staff create a reservation for a client. Capacity of the local day is respected with the same
// day lock as reschedules, so creations and moves never overbook a day together.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { zonaAgencia } from "@/lib/formato/fecha";
import { fechaLocal } from "@/lib/reprogramacion/calendario";
import { bloquearDia, cargarOcupacion, obtenerConfiguracion } from "@/lib/reprogramacion/datos";
import { buscarAlternativas, libres } from "@/lib/reprogramacion/disponibilidad";
import { errorSinCapacidad } from "@/lib/reprogramacion/errores-reglas";
import { errorFueraDeHorizonte, limiteDeHorizonte } from "@/lib/reprogramacion/reprogramar";
import { errorDeValidacion, fechaIso, idEntero, montoDecimal, texto } from "@/lib/validacion";
import { INCLUIR_RESERVA } from "./serializar";

export const nuevaReservaSchema = z
  .object({
    usuario: idEntero("Indique el id del cliente"),
    destino: texto(200, { min: 2, requerido: "El destino es requerido", mensajeMin: "El destino es requerido" }),
    fecha_inicio: fechaIso("La fecha de inicio es requerida"),
    total: montoDecimal,
    moneda: z.string().regex(/^[A-Z]{3}$/, "Código ISO de 3 letras, p. ej. BOB").default("BOB"),
    servicios: z
      .array(
        z
          .object({
            tipo: texto(50, { min: 2 }),
            descripcion: texto(300, { min: 2 }),
            precio: montoDecimal,
          })
          .strict(),
      )
      .max(50)
      .default([]),
  })
  .strict();

export async function crearReserva(db: Db, body: unknown, ahora = new Date(), zona = zonaAgencia()) {
  const parsed = nuevaReservaSchema.safeParse(body);
  if (!parsed.success) throw errorDeValidacion(parsed.error);
  const datos = parsed.data;
  const fechaInicio = new Date(datos.fecha_inicio);
  if (fechaInicio <= ahora)
    throw new ErrorDominio(400, "FECHA_EN_PASADO", "La fecha de inicio debe ser en el futuro.", { campos: { fecha_inicio: "Debe ser en el futuro" } });
  return db.$transaction(
    async (tx) => {
      const config = await obtenerConfiguracion(tx);
      if (fechaInicio > limiteDeHorizonte(ahora, config.horizonteReservaDias)) throw errorFueraDeHorizonte("fecha_inicio", ahora, config.horizonteReservaDias);
      const cliente = await tx.usuario.findUnique({ where: { id: datos.usuario } });
      if (!cliente || cliente.rol !== "CLIENTE")
        throw new ErrorDominio(400, "DATOS_INVALIDOS", "El usuario indicado no es un cliente.", { campos: { usuario: "No existe un cliente con ese id" } });
      const dia = fechaLocal(fechaInicio, zona);
      await bloquearDia(tx, dia);
      const ocupacion = await cargarOcupacion(tx, fechaInicio, zona, config.capacidadDiariaPorDefecto, null);
      const cupo = libres(ocupacion, dia);
      if (cupo.libres <= 0) throw errorSinCapacidad(fechaInicio, cupo, buscarAlternativas(fechaInicio, zona, ocupacion, () => true), null);
      return tx.reserva.create({
        data: {
          usuarioId: cliente.id,
          destino: datos.destino,
          fechaInicio,
          total: datos.total,
          moneda: datos.moneda,
          servicios: { create: datos.servicios },
        },
        include: INCLUIR_RESERVA,
      });
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}
