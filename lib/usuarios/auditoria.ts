// The audit of changes to people (who, when, what): append-only rows read on the user's page.
import type { Prisma } from "@/lib/generated/prisma/client";

export type AccionAuditoria = "CREADO" | "ACTUALIZADO" | "INVITACION_REENVIADA" | "CONTRASENA_ESTABLECIDA" | "CONTRASENA_CAMBIADA" | "CONTRASENA_RESTABLECIDA";

/** `actorId` null: the person themselves through a one-time link. */
export async function registrarAuditoria(tx: Prisma.TransactionClient, usuarioId: number, actorId: number | null, accion: AccionAuditoria, cambios: Record<string, unknown>) {
  await tx.auditoriaUsuario.create({ data: { usuarioId, actorId, accion, cambios: cambios as Prisma.InputJsonValue } });
}
