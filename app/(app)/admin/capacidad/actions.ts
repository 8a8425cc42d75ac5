"use server";
import { revalidatePath } from "next/cache";
import { fijarCapacidadDia, fijarCapacidadPorDefecto } from "@/lib/agencia/capacidad";
import { prisma } from "@/lib/db/client";
import { zonaAgencia } from "@/lib/formato/fecha";
import { accionProtegida } from "@/lib/http/accion";

export async function guardarCapacidadDia(cuerpo: unknown) {
  return accionProtegida(["ADMIN"], async () => {
    const r = await fijarCapacidadDia(prisma, cuerpo, zonaAgencia());
    revalidatePath("/admin/capacidad");
    return r;
  });
}

export async function guardarCapacidadPorDefecto(cuerpo: unknown) {
  return accionProtegida(["ADMIN"], async () => {
    const r = await fijarCapacidadPorDefecto(prisma, cuerpo, zonaAgencia());
    revalidatePath("/admin/capacidad");
    return r;
  });
}
