"use server";
// Support's reschedule form: the staff edge of POST /api/reservas/{id}/reprogramar/ (an operator's
// bypass or a discount above 50 % is refused by the same role rules).
import { camposPersonalSchema, solicitudDelPersonal, type ResultadoEnvio } from "@/lib/reprogramacion/formulario";
import { enviarFormularioDeReprogramacion } from "@/lib/reprogramacion/envio-formulario";

export async function reprogramarComoPersonal(reservaId: string, formData: FormData): Promise<ResultadoEnvio> {
  return enviarFormularioDeReprogramacion(["OPERADOR", "ADMIN"], reservaId, formData, camposPersonalSchema, solicitudDelPersonal);
}
