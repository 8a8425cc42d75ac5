"use server";
// The rule editor's writes: the same lib functions (and zod schema) as /api/reglas/, admins only.
import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db/client";
import { accionProtegida } from "@/lib/http/accion";
import { actualizarRegla, crearRegla, eliminarRegla } from "@/lib/reglas/gestion";
import { idEntero } from "@/lib/validacion";

const id = (valor: unknown) => idEntero().parse(valor);

export async function guardarRegla(reglaId: number | null, cuerpo: unknown) {
  return accionProtegida(["ADMIN"], async (actor) => {
    const regla = reglaId === null ? await crearRegla(prisma, actor, cuerpo) : await actualizarRegla(prisma, id(reglaId), cuerpo);
    revalidatePath("/admin/reglas");
    return regla;
  });
}

export async function cambiarActivaRegla(reglaId: number, activa: boolean) {
  return accionProtegida(["ADMIN"], async () => {
    const regla = await actualizarRegla(prisma, id(reglaId), { activa });
    revalidatePath("/admin/reglas");
    return regla;
  });
}

export async function borrarRegla(reglaId: number) {
  return accionProtegida(["ADMIN"], async () => {
    await eliminarRegla(prisma, id(reglaId));
    revalidatePath("/admin/reglas");
    return null;
  });
}
