// Reading the development mailbox (emails stored instead of sent when RESEND_API_KEY is unset, and SMS
// when Twilio is not configured).
import type { Db } from "@/lib/db/client";
import type { CanalEntrega } from "@/lib/generated/prisma/enums";
import type { Adjunto } from "./calendario";

export const buzonVisible = () => process.env.NODE_ENV !== "production" || process.env.BUZON_DESARROLLO === "on";

export async function correosDelBuzon(db: Db, seleccionado?: number) {
  const [correos, abierto] = await Promise.all([
    db.correoDesarrollo.findMany({ orderBy: { id: "desc" }, take: 50, select: { id: true, canal: true, para: true, asunto: true, createdAt: true } }),
    seleccionado ? db.correoDesarrollo.findUnique({ where: { id: seleccionado } }) : null,
  ]);
  return { correos, abierto: abierto ?? null };
}

/**
 * Stores one message in the mailbox, keyed on its delivery: a retried job never stores it twice. One
 * statement (Prisma's upsert is a transaction of three). Returns the provider id the delivery records.
 */
export async function guardarEnBuzon(db: Db, m: { entregaId: number; canal: CanalEntrega; para: string; asunto: string; html: string; texto: string; adjuntos?: Adjunto[] }): Promise<string> {
  const [fila] = await db.$queryRaw<{ id: number }[]>`
    INSERT INTO correo_desarrollo (entrega_id, canal, para, asunto, html, texto, adjuntos)
    VALUES (${m.entregaId}, ${m.canal}::"CanalEntrega", ${m.para}, ${m.asunto}, ${m.html}, ${m.texto}, ${JSON.stringify(m.adjuntos ?? [])}::jsonb)
    ON CONFLICT (entrega_id) DO UPDATE SET entrega_id = EXCLUDED.entrega_id
    RETURNING id`;
  return `buzon-${fila.id}`;
}

/** One attachment of a stored email, for the mailbox's download link. */
export async function adjuntoDelBuzon(db: Db, id: number, indice: number): Promise<Adjunto | null> {
  const correo = await db.correoDesarrollo.findUnique({ where: { id }, select: { adjuntos: true } });
  return ((correo?.adjuntos as Adjunto[] | undefined) ?? [])[indice] ?? null;
}
