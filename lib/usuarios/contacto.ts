// A client's SMS contact: the mobile number (E.164) and whether they want SMS notices. The client
// edits their own; staff edit any client's (a client's id from anyone else is a 404).
import { z } from "zod";
import type { Actor } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { noEncontrado } from "@/lib/errores";
import { telefonoMovilSchema } from "@/lib/telefono";
import { parsearCon } from "@/lib/validacion";

export const contactoSchema = z.object({ telefono: telefonoMovilSchema, sms_activo: z.boolean({ error: "Debe ser true o false" }) }).strict();

export async function actualizarContacto(db: Db, actor: Actor, clienteId: number, body: unknown) {
  const contacto = parsearCon(contactoSchema, body, "Los datos de contacto no son válidos.");
  if (actor.rol === "CLIENTE" && (actor.id !== clienteId || actor.reservaId != null)) throw noEncontrado("El cliente no existe.");
  const { count } = await db.usuario.updateMany({ where: { id: clienteId, rol: "CLIENTE" }, data: { telefono: contacto.telefono, smsActivo: contacto.sms_activo } });
  if (count === 0) throw noEncontrado("El cliente no existe.");
  return contacto;
}
