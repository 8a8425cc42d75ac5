"use server";
// Support's reschedule form: the staff edge of POST /api/reservas/{id}/reprogramar/ (an operator's
// bypass or a discount above 50 % is refused by the same role rules).
import { camposPersonalSchema, solicitudDelPersonal, type ResultadoEnvio } from "@/lib/reprogramacion/formulario";
import { enviarFormularioDeReprogramacion } from "@/lib/reprogramacion/envio-formulario";
import { aceptarComo, salirComo, unirseComo } from "@/lib/lista-espera/acciones";
import { cancelarComo, cotizarComo } from "@/lib/cancelacion/acciones";
import { transferirComo } from "@/lib/transferencia/acciones";
import { guardarContactoComo } from "@/lib/usuarios/acciones";
import { revocarEnlacesGestion } from "@/lib/cuenta/enlaces";
import { prisma } from "@/lib/db/client";
import { accionProtegida } from "@/lib/http/accion";

export async function reprogramarComoPersonal(reservaId: string, formData: FormData): Promise<ResultadoEnvio> {
  return enviarFormularioDeReprogramacion(["OPERADOR", "ADMIN"], reservaId, formData, camposPersonalSchema, solicitudDelPersonal);
}

// Support's waiting-list actions for the client's reservation: the staff edge of /api/reservas/{id}/lista-espera/.
const PERSONAL = ["OPERADOR", "ADMIN"] as const;
export const unirseListaEsperaComoPersonal = async (reservaId: string, fecha: string) => unirseComo(PERSONAL, reservaId, fecha);
export const salirListaEsperaComoPersonal = async (reservaId: string, fecha: string) => salirComo(PERSONAL, reservaId, fecha);
export const aceptarOfertaComoPersonal = async (reservaId: string, fecha: string) => aceptarComo(PERSONAL, reservaId, fecha);

/** The client's SMS contact, edited by staff from the reservation's page. */
export const guardarContactoDelCliente = async (clienteId: number, formData: FormData) => guardarContactoComo(PERSONAL, clienteId, formData);

/** Takes back the reservation's manage links (a forwarded email, a lost phone): the staff edge of DELETE /api/reservas/{id}/enlaces-gestion/. */
export const revocarEnlacesDeReserva = async (reservaId: number) => accionProtegida(PERSONAL, () => revocarEnlacesGestion(prisma, reservaId));

// Cancelling on the client's behalf (the admin may also adjust the refund, with a reason).
export const cotizarCancelacionComoPersonal = async (reservaId: string) => cotizarComo(PERSONAL, reservaId);
export const cancelarComoPersonal = async (reservaId: string, cuerpo: unknown, clave: string) => cancelarComo(PERSONAL, reservaId, cuerpo, clave);
export const transferirComoPersonal = async (reservaId: string, cuerpo: unknown) => transferirComo(PERSONAL, reservaId, cuerpo);
