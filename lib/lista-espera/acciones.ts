// The waiting list's server-action edges, shared by the client's pages and support's (each page's
// "use server" file passes its roles): role check, write budget, the same lib call as the API.
import { prisma } from "@/lib/db/client";
import type { Rol } from "@/lib/generated/prisma/enums";
import { accionProtegida } from "@/lib/http/accion";
import { idDeRuta } from "@/lib/http/api";
import { fechaNuevaDe } from "@/lib/reprogramacion/respuesta";
import { salirListaEspera, unirseListaEspera } from "./entradas";
import { aceptarOferta } from "./ofertas";

const id = (reservaId: string) => idDeRuta(String(reservaId), "La reserva");

export const unirseComo = (roles: readonly Rol[], reservaId: string, fecha: string) =>
  accionProtegida(roles, (actor) => unirseListaEspera(prisma, actor, id(reservaId), { fecha }));

export const salirComo = (roles: readonly Rol[], reservaId: string, fecha: string) =>
  accionProtegida(roles, (actor) => salirListaEspera(prisma, actor, id(reservaId), { fecha }));

export const aceptarComo = (roles: readonly Rol[], reservaId: string, fecha: string) =>
  accionProtegida(roles, async (actor) => ({ fechaNueva: fechaNuevaDe(await aceptarOferta(prisma, actor, id(reservaId), { fecha })) }));
