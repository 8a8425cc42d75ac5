"use server";
// The refunds page's edge of POST /api/admin/reembolsos/{id}/pagado.
import { prisma } from "@/lib/db/client";
import { accionProtegida } from "@/lib/http/accion";
import { marcarPagado } from "@/lib/reembolsos/gestion";

export const marcarPagadoAccion = async (id: number) => accionProtegida(["ADMIN"], (actor) => marcarPagado(prisma, actor, id));
