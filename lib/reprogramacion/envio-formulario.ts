// The body of every reschedule form's server action, so the client's and support's stay one edge:
// the edge of every server action (accionProtegida: role check, write budget), the form's own
// schema, then the API's payload through the same use case (its schema and role rules included).
// Any failure comes back as the form's error state.
import type { z } from "zod";
import type { Rol } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db/client";
import { zonaAgencia } from "@/lib/formato/fecha";
import { accionProtegida } from "@/lib/http/accion";
import { idDeRuta } from "@/lib/http/api";
import { errorDeValidacion } from "@/lib/validacion";
import { resultadoDeError, type ResultadoEnvio } from "./formulario";
import { reprogramarConClave } from "./reprogramar";
import { fechaNuevaDe } from "./respuesta";

export async function enviarFormularioDeReprogramacion<T extends { clave: string }>(
  roles: readonly Rol[],
  reservaId: string,
  formData: FormData,
  schema: z.ZodType<T>,
  solicitud: (campos: T, zona: string) => object,
): Promise<ResultadoEnvio> {
  const r = await accionProtegida(roles, async (actor) => {
    const id = idDeRuta(String(reservaId), "La reserva");
    // Repeated names (check boxes) become lists; everything else is a single string.
    const crudos = Object.fromEntries([...new Set(formData.keys())].map((k) => [k, formData.getAll(k).length > 1 || k === "bypass_reglas" ? formData.getAll(k) : formData.get(k)]));
    const campos = schema.safeParse(crudos);
    if (!campos.success) throw errorDeValidacion(campos.error);
    const { respuesta } = await reprogramarConClave(prisma, actor, id, solicitud(campos.data, zonaAgencia()), campos.data.clave);
    // Client and operator answers are flat (§1, §2); the administrative one nests the reservation (§3).
    return { historialId: (respuesta as { historial_id: number }).historial_id, fechaNueva: fechaNuevaDe(respuesta) };
  });
  return r.ok ? { ok: true, ...r.datos } : resultadoDeError(r.status, r.cuerpo);
}
