// The transfer's server-action edge, shared by the client's page and support's (each passes its roles).
import { prisma } from "@/lib/db/client";
import type { Rol } from "@/lib/generated/prisma/enums";
import { accionProtegida } from "@/lib/http/accion";
import { idDeRuta } from "@/lib/http/api";
import { transferirReserva } from "./transferir";

export const transferirComo = (roles: readonly Rol[], reservaId: string, cuerpo: unknown) =>
  accionProtegida(roles, (actor) => transferirReserva(prisma, actor, idDeRuta(String(reservaId), "La reserva"), cuerpo));
