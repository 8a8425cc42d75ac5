// The contact form's server-action edge, for the client's profile and support's client card.
import { prisma } from "@/lib/db/client";
import type { Rol } from "@/lib/generated/prisma/enums";
import { accionProtegida } from "@/lib/http/accion";
import { actualizarContacto } from "./contacto";

/** Form values: an empty number means none; the box is "on" when ticked. */
export const guardarContactoComo = (roles: readonly Rol[], clienteId: number | "propio", formData: FormData) =>
  accionProtegida(roles, (actor) =>
    actualizarContacto(prisma, actor, clienteId === "propio" ? actor.id : clienteId, { telefono: String(formData.get("telefono") ?? ""), sms_activo: formData.get("sms_activo") === "on" }),
  );
