"use server";
// The client's waiting-list actions: the client's edge of /api/reservas/{id}/lista-espera/.
import { aceptarComo, salirComo, unirseComo } from "@/lib/lista-espera/acciones";
import { cancelarComo, cotizarComo } from "@/lib/cancelacion/acciones";
import { transferirComo } from "@/lib/transferencia/acciones";

const CLIENTE = ["CLIENTE"] as const;
export const unirseListaEsperaAccion = async (reservaId: string, fecha: string) => unirseComo(CLIENTE, reservaId, fecha);
export const salirListaEsperaAccion = async (reservaId: string, fecha: string) => salirComo(CLIENTE, reservaId, fecha);
export const aceptarOfertaAccion = async (reservaId: string, fecha: string) => aceptarComo(CLIENTE, reservaId, fecha);
export const cotizarCancelacionAccion = async (reservaId: string) => cotizarComo(CLIENTE, reservaId);
export const cancelarAccion = async (reservaId: string, cuerpo: unknown, clave: string) => cancelarComo(CLIENTE, reservaId, cuerpo, clave);
export const transferirAccion = async (reservaId: string, cuerpo: unknown) => transferirComo(CLIENTE, reservaId, cuerpo);
