"use server";
// Bulk moves: the same lib functions as POST /api/admin/lotes/simulacion/ and /api/admin/lotes/.
import { prisma } from "@/lib/db/client";
import { accionProtegida } from "@/lib/http/accion";
import { crearLote, simularLote } from "@/lib/reprogramacion/lotes";

export async function simularMasiva(cuerpo: unknown) {
  return accionProtegida(["ADMIN"], (actor) => simularLote(prisma, actor, cuerpo));
}

export async function ejecutarMasiva(cuerpo: unknown) {
  return accionProtegida(["ADMIN"], (actor) => crearLote(prisma, actor, cuerpo));
}
