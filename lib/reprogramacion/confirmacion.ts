// What the client sees right after rescheduling: previous → new date, the new total, and the email
// to them as it really stands (queued, retrying, sent or failed), read from the delivery record.
import type { Actor } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { noEncontrado } from "@/lib/errores";
import { reservaDelActor } from "./reprogramar";

export type EstadoCorreo = "EN_COLA" | "ENVIADO" | "FALLIDO" | "SIN_AVISO";

export async function confirmacionDeReprogramacion(db: Db, actor: Actor, reservaId: number, historialId: number) {
  const reserva = await reservaDelActor(db, actor, reservaId);
  const historial = await db.historialReprogramacion.findFirst({
    where: { id: historialId, reservaId },
    include: { entregas: { where: { canal: "EMAIL", destinatario: reserva.usuario.email } } },
  });
  if (!historial) throw noEncontrado("La reprogramación no existe.");
  const entrega = historial.entregas[0];
  const correo: EstadoCorreo = !entrega ? "SIN_AVISO" : entrega.estado === "ENVIADA" ? "ENVIADO" : entrega.estado === "FALLIDA" ? "FALLIDO" : "EN_COLA";
  return {
    reserva,
    fechaAnterior: historial.fechaAnterior,
    fechaNueva: historial.fechaNueva,
    totalNuevo: historial.totalNuevo,
    costo: historial.costoAplicado,
    correo: { estado: correo, destinatario: reserva.usuario.email, enviadoEn: entrega?.enviadaAt ?? null, intentos: entrega?.intentos ?? 0 },
  };
}
