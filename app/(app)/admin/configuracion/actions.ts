"use server";
import { revalidatePath } from "next/cache";
import { actualizarConfiguracion } from "@/lib/agencia/configuracion";
import { prisma } from "@/lib/db/client";
import { accionProtegida } from "@/lib/http/accion";

export async function guardarConfiguracion(cuerpo: unknown) {
  return accionProtegida(["ADMIN"], async () => {
    const r = await actualizarConfiguracion(prisma, cuerpo);
    revalidatePath("/admin/configuracion");
    return r;
  });
}
