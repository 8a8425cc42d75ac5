// The panel's counts come from trigger-kept deltas: they must always equal a real count of the feed,
// through inserts, marking one or all as read, deletes and the sweep's compaction.
import { describe, expect, it } from "vitest";
import { compactarConteos } from "@/lib/notificaciones/conteo";
import { listarNotificaciones, marcarNotificacion, marcarTodasLeidas } from "@/lib/notificaciones/lista";
import { filtrosNotificacionesSchema } from "@/lib/notificaciones/lista";
import { reprogramarReserva } from "@/lib/reprogramacion/reprogramar";
import { db } from "./db";
import { clienteConReserva } from "./escenario";

async function realesYPanel() {
  const [total, noLeidas] = await Promise.all([db.notificacion.count(), db.notificacion.count({ where: { leida: false } })]);
  const panel = await listarNotificaciones(db, filtrosNotificacionesSchema.parse({}));
  const soloLeidas = await listarNotificaciones(db, filtrosNotificacionesSchema.parse({ leida: "true" }));
  return { real: [total, noLeidas, total - noLeidas], panel: [panel.total, panel.no_leidas, soloLeidas.total] };
}

describe("conteos del panel de soporte", () => {
  it("coinciden con la tabla tras reprogramar, marcar, borrar y compactar", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { reserva, actor, nuevaFecha } = await clienteConReserva();
      const { historial } = await reprogramarReserva(db, actor, reserva.id, { nueva_fecha: nuevaFecha.toISOString(), motivo: "Cambio de planes" });
      ids.push((await db.notificacion.findUniqueOrThrow({ where: { historialId: historial.id } })).id);
    }
    let { real, panel } = await realesYPanel();
    expect(panel).toEqual(real);
    expect(real[1]).toBeGreaterThanOrEqual(3);

    const marcada = await marcarNotificacion(db, ids[0], { leida: true });
    expect(marcada.no_leidas).toBe(real[1] - 1);
    await marcarNotificacion(db, ids[0], { leida: true }); // no change, no delta
    ({ real, panel } = await realesYPanel());
    expect(panel).toEqual(real);

    await compactarConteos(db);
    expect(await db.conteoNotificaciones.count()).toBe(1);
    await marcarTodasLeidas(db);
    ({ real, panel } = await realesYPanel());
    expect(panel).toEqual(real);
    expect(panel[1]).toBe(0);

    await db.notificacion.delete({ where: { id: ids[1] } });
    await compactarConteos(db);
    ({ real, panel } = await realesYPanel());
    expect(panel).toEqual(real);
  });
});
