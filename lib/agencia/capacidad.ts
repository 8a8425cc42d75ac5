// Places per local day: how full each day of a month is, and setting a day's capacity (or the
// default). A capacity below the bookings a day already has is refused: nobody loses a place.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { diasEntre } from "@/lib/reprogramacion/calendario-reserva";
import { columnaDeDia, enFechaLocal, fechaLocal, sumarDias } from "@/lib/reprogramacion/calendario";
import { bloquearDia, cargarOcupacionEntre, obtenerConfiguracion, type Tx } from "@/lib/reprogramacion/datos";
import { libres } from "@/lib/reprogramacion/disponibilidad";
import { diaIso, parsearCon } from "@/lib/validacion";

const capacidad = z.number({ error: "Indique un número de lugares" }).int("Debe ser un entero").min(0, "No puede ser negativa").max(10_000, "Como máximo 10.000");

export const capacidadDiaSchema = z.object({ dia: diaIso("Use una fecha AAAA-MM-DD"), capacidad: capacidad.nullable() }).strict();
export const capacidadPorDefectoSchema = z.object({ capacidad }).strict();

export async function capacidadDelMes(db: Db, mes: string, zona: string) {
  const desde = `${mes}-01`;
  const hasta = sumarDias(`${sumarDias(desde, 31).slice(0, 7)}-01`, -1);
  const config = await obtenerConfiguracion(db);
  const ocupacion = await cargarOcupacionEntre(db, enFechaLocal(desde, 0, 0, zona), enFechaLocal(hasta, 24, 0, zona), zona, config.capacidadDiariaPorDefecto, null);
  return {
    mes,
    capacidad_por_defecto: config.capacidadDiariaPorDefecto,
    dias: diasEntre(desde, hasta).map((dia) => ({ fecha: dia, ...libres(ocupacion, dia), propia: ocupacion.capacidades.has(dia) })),
  };
}
export type CapacidadMes = Awaited<ReturnType<typeof capacidadDelMes>>;

async function reservasDelDia(tx: Tx, dia: string, zona: string) {
  const { ocupadas } = libres(await cargarOcupacionEntre(tx, enFechaLocal(dia, 0, 0, zona), enFechaLocal(dia, 24, 0, zona), zona, 0, null), dia);
  return ocupadas;
}

/** A day's own capacity; null goes back to the default. */
export async function fijarCapacidadDia(db: Db, body: unknown, zona: string) {
  const { dia, capacidad } = parsearCon(capacidadDiaSchema, body);
  return db.$transaction(async (tx) => {
    // The same lock bookings take: nobody books the day while its capacity changes.
    await bloquearDia(tx, dia);
    const config = await obtenerConfiguracion(tx);
    const ocupadas = await reservasDelDia(tx, dia, zona);
    const nueva = capacidad ?? config.capacidadDiariaPorDefecto;
    if (nueva < ocupadas)
      throw new ErrorDominio(409, "CAPACIDAD_MENOR_A_RESERVAS", `El ${dia} ya tiene ${ocupadas} reservas: la capacidad no puede ser menor a ${ocupadas}.`, {
        campos: { capacidad: `Al menos ${ocupadas} (las reservas de ese día)` },
        reservas_existentes: ocupadas,
      });
    const fecha = columnaDeDia(dia);
    if (capacidad === null) await tx.capacidadFecha.deleteMany({ where: { fecha } });
    else await tx.capacidadFecha.upsert({ where: { fecha }, update: { capacidadMaxima: capacidad }, create: { fecha, capacidadMaxima: capacidad } });
    return { dia, capacidad: nueva, ocupadas, propia: capacidad !== null };
  });
}

/** The default for days without their own capacity; refused if a coming day would end up overbooked. */
export async function fijarCapacidadPorDefecto(db: Db, body: unknown, zona: string, ahora = new Date()) {
  const { capacidad } = parsearCon(capacidadPorDefectoSchema, body);
  return db.$transaction(async (tx) => {
    const config = await obtenerConfiguracion(tx);
    const hoy = fechaLocal(ahora, zona);
    const ocupacion = await cargarOcupacionEntre(tx, enFechaLocal(hoy, 0, 0, zona), enFechaLocal(sumarDias(hoy, config.horizonteReservaDias), 0, 0, zona), zona, capacidad, null);
    const excedido = [...ocupacion.ocupadas].filter(([dia, n]) => !ocupacion.capacidades.has(dia) && n > capacidad).sort(([a], [b]) => a.localeCompare(b))[0];
    if (excedido)
      throw new ErrorDominio(409, "CAPACIDAD_MENOR_A_RESERVAS", `El ${excedido[0]} ya tiene ${excedido[1]} reservas y usa el cupo por defecto: no puede ser menor a ${excedido[1]}.`, {
        campos: { capacidad: `Al menos ${excedido[1]}, o fije antes un cupo propio para el ${excedido[0]}` },
      });
    await tx.configuracionAgencia.update({ where: { id: config.id }, data: { capacidadDiariaPorDefecto: capacidad } });
    return { capacidad };
  });
}
