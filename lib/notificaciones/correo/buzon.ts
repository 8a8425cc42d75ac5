// Reading the development mailbox (emails stored instead of sent when RESEND_API_KEY is unset, and SMS
// when Twilio is not configured).
import type { Db } from "@/lib/db/client";

export const buzonVisible = () => process.env.NODE_ENV !== "production" || process.env.BUZON_DESARROLLO === "on";

export async function correosDelBuzon(db: Db, seleccionado?: number) {
  const [correos, abierto] = await Promise.all([
    db.correoDesarrollo.findMany({ orderBy: { id: "desc" }, take: 50, select: { id: true, canal: true, para: true, asunto: true, createdAt: true } }),
    seleccionado ? db.correoDesarrollo.findUnique({ where: { id: seleccionado } }) : null,
  ]);
  return { correos, abierto: abierto ?? null };
}
