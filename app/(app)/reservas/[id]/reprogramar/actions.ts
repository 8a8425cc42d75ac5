"use server";
// The client's reschedule form: the client's edge of POST /api/reservas/{id}/reprogramar/.
import { camposFormularioSchema, solicitudDelFormulario, type ResultadoEnvio } from "@/lib/reprogramacion/formulario";
import { enviarFormularioDeReprogramacion } from "@/lib/reprogramacion/envio-formulario";

export async function reprogramarDesdeFormulario(reservaId: string, formData: FormData): Promise<ResultadoEnvio> {
  return enviarFormularioDeReprogramacion(["CLIENTE"], reservaId, formData, camposFormularioSchema, solicitudDelFormulario);
}
