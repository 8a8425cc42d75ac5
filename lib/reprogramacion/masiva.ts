// POST /api/admin/reprogramaciones/: §3 with reserva_id (one) or reserva_ids (bulk, up to 500).
// Each reservation is its own transaction: one failing never undoes or blocks the others.
import { z } from "zod";
import type { Actor } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { errorDeValidacion, idEntero } from "@/lib/validacion";
import { aplicarReprogramacion, type Reloj } from "./reprogramar";
import { comoObjeto, interpretarSolicitud } from "./solicitud";
import { errorParaRegistro, registro } from "@/lib/registro";

export const destinoSchema = z
  .object({
    reserva_id: idEntero().optional(),
    reserva_ids: z.array(idEntero(), { error: "Debe ser una lista de ids" }).min(1, "Indique al menos una reserva").max(500, "Máximo 500 reservas por solicitud").optional(),
  })
  .refine((d) => (d.reserva_id === undefined) !== (d.reserva_ids === undefined), {
    message: "Envíe reserva_id o reserva_ids (uno de los dos)",
    path: ["reserva_id"],
  });

export async function reprogramacionAdministrativa(db: Db, actor: Actor, body: unknown, reloj: Reloj = {}) {
  const { reserva_id, reserva_ids, ...resto } = comoObjeto(body);
  const destino = destinoSchema.safeParse({ reserva_id, reserva_ids });
  if (!destino.success) throw errorDeValidacion(destino.error);
  const solicitud = interpretarSolicitud(resto, actor.rol);

  if (destino.data.reserva_id !== undefined) {
    return { status: 200, cuerpo: (await aplicarReprogramacion(db, actor, destino.data.reserva_id, solicitud, reloj)).respuesta as object };
  }
  const ids = [...new Set(destino.data.reserva_ids)];
  const resultados = [];
  for (const id of ids) {
    try {
      const r = await aplicarReprogramacion(db, actor, id, solicitud, reloj);
      resultados.push({ reserva_id: id, exito: true, status: 200, resultado: r.respuesta });
    } catch (error) {
      // Earlier reservations have committed: an unexpected failure of one is reported for that one,
      // never as a 500 for the whole call (which would claim nothing changed).
      if (!(error instanceof ErrorDominio)) registro.error({ reserva_id: id, error: errorParaRegistro(error) }, "reprogramación masiva: error no controlado en una reserva");
      const fallo = error instanceof ErrorDominio ? error : new ErrorDominio(500, "ERROR_INTERNO", "Ocurrió un error interno con esta reserva; no se modificó.");
      resultados.push({ reserva_id: id, exito: false, status: fallo.status, error: fallo.cuerpo() });
    }
  }
  const exitosas = resultados.filter((r) => r.exito).length;
  return {
    status: 200,
    cuerpo: {
      reprogramacion_masiva: true,
      resumen: { total: ids.length, exitosas, fallidas: ids.length - exitosas },
      resultados,
    },
  };
}
