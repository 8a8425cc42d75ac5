// The cancellation's server-action edges, shared by the client's page and support's (each page's
// "use server" file passes its roles): role check, write budget, the same lib calls as the API.
import { prisma } from "@/lib/db/client";
import type { Rol } from "@/lib/generated/prisma/enums";
import { accionProtegida } from "@/lib/http/accion";
import { idDeRuta } from "@/lib/http/api";
import { claveDeCabecera } from "@/lib/reprogramacion/idempotencia";
import { cancelarReserva, cotizacionDeCancelacion } from "./cancelar";

const id = (reservaId: string) => idDeRuta(String(reservaId), "La reserva");

export const cotizarComo = (roles: readonly Rol[], reservaId: string) => accionProtegida(roles, (actor) => cotizacionDeCancelacion(prisma, actor, id(reservaId)));

/** `clave`: one per confirmation dialog, so a double submit cancels once. */
export const cancelarComo = (roles: readonly Rol[], reservaId: string, cuerpo: unknown, clave: string) =>
  accionProtegida(roles, async (actor) => (await cancelarReserva(prisma, actor, id(reservaId), cuerpo, claveDeCabecera(clave))).respuesta);
