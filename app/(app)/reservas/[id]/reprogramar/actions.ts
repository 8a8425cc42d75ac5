"use server";
// The client's reschedule form: a thin edge like POST /api/reservas/{id}/reprogramar/ — same role
// check, same write budget, same zod schema (after the form's own fields), same lib use case.
import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { zonaAgencia } from "@/lib/formato/fecha";
import { errorComoCuerpo, idDeRuta } from "@/lib/http/api";
import { camposFormularioSchema, resultadoDeError, solicitudDelFormulario, type ResultadoEnvio } from "@/lib/reprogramacion/formulario";
import { reprogramarConClave } from "@/lib/reprogramacion/reprogramar";
import { limitarEscritura } from "@/lib/seguridad/limite-tasa";
import { errorDeValidacion } from "@/lib/validacion";

const texto = (valor: FormDataEntryValue | null) => (typeof valor === "string" ? valor : undefined);

export async function reprogramarDesdeFormulario(reservaId: string, formData: FormData): Promise<ResultadoEnvio> {
  try {
    const actor = await requerirRol(["CLIENTE"]);
    await limitarEscritura(prisma, actor.id);
    const id = idDeRuta(String(reservaId), "La reserva");
    const campos = camposFormularioSchema.safeParse({
      fecha: texto(formData.get("fecha")),
      hora: texto(formData.get("hora")),
      motivo: texto(formData.get("motivo")),
      clave: texto(formData.get("clave")),
    });
    if (!campos.success) throw errorDeValidacion(campos.error);
    const { respuesta } = await reprogramarConClave(prisma, actor, id, solicitudDelFormulario(campos.data, zonaAgencia()), campos.data.clave);
    const r = respuesta as { historial_id: number; fecha_inicio: string };
    return { ok: true, historialId: r.historial_id, fechaNueva: r.fecha_inicio };
  } catch (error) {
    const { status, cuerpo } = errorComoCuerpo(error);
    return resultadoDeError(status, cuerpo);
  }
}
