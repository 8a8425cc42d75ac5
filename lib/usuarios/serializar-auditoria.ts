import type { auditoriaDe } from "./gestion";

type Fila = Awaited<ReturnType<typeof auditoriaDe>>[number];

/** One audit entry as the API shows it: who (null: the person themselves), when, what. */
export const serializarAuditoria = (a: Fila) => ({
  id: a.id,
  accion: a.accion,
  cambios: a.cambios as Record<string, unknown>,
  actor: a.actor ? `${a.actor.nombre} ${a.actor.apellido}` : null,
  created_at: a.createdAt.toISOString(),
});
