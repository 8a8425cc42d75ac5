// Cancelling against the real database, with the seed's policy (≥ 168 h 100 %, ≥ 72 h 70 %, ≥ 24 h
// 50 %, less 0 %): the quote changes nothing; the cancellation applies exactly the quoted figures
// (refund row, history, emails and SMS queued, the freed place offered to the waiting list); an
// expired, outdated or tampered quote changes nothing; one idempotency key cancels once under 20
// concurrent requests; roles (client, operator on behalf, admin override).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/credenciales";
import { cancelarReserva, cotizacionDeCancelacion } from "@/lib/cancelacion/cancelar";
import { ErrorDominio } from "@/lib/errores";
import { contactoAgencia, INCLUIR_HISTORIAL_CORREO, renderizarCorreo } from "@/lib/notificaciones/correo/contenido";
import { unirseListaEspera } from "@/lib/lista-espera/entradas";
import { ofrecerLugares } from "@/lib/lista-espera/ofertas";
import { columnaDeDia } from "@/lib/reprogramacion/calendario";
import { diaHabil, diaLocal } from "../fechas";
import { db } from "./db";
import { actorDemo, clienteConReserva } from "./escenario";

const HORA = 3_600_000;
const MOTIVO = "Cambio de planes familiares";
let admin: Actor;
let operador: Actor;

beforeAll(async () => {
  admin = await actorDemo("admin@demo.bo");
  operador = await actorDemo("operador@demo.bo");
});
afterAll(() => db.$disconnect());

const codigo = (p: Promise<unknown>) => p.then(() => "OK", (e) => (e instanceof ErrorDominio ? `${e.status} ${e.errorCode}` : String(e)));

/** A client's reservation starting `horas` from now (total Bs 2.400,00). */
async function reservaA(horas: number, opciones: Parameters<typeof clienteConReserva>[0] = {}) {
  const escenario = await clienteConReserva(opciones);
  const reserva = await db.reserva.update({ where: { id: escenario.reserva.id }, data: { fechaInicio: new Date(Date.now() + horas * HORA) } });
  return { ...escenario, reserva };
}

describe("cotización y cancelación", () => {
  it("una semana antes cotiza 100 %; a 30 h, 50 %: la cotización no cambia nada y la cancelación aplica esas cifras", async () => {
    const { actor, reserva } = await reservaA(8 * 24, { telefono: "+59171234567" });
    const semana = await cotizacionDeCancelacion(db, actor, reserva.id);
    expect(semana).toMatchObject({ puede_cancelar: true, porcentaje_reembolso: 100, monto_reembolso: "2400.00", costo_cancelacion: "0.00", politica: { nombre: "Política de cancelación" } });
    expect(semana.linea_tiempo.map((t) => [t.porcentaje, t.vigente])).toEqual([[100, true], [70, false], [50, false], [0, false]]);
    expect(semana.linea_tiempo[1].texto).toMatch(/^hasta el \d\d\/\d\d\/\d{4},? \d\d:\d\d: 70 %$/);

    await db.reserva.update({ where: { id: reserva.id }, data: { fechaInicio: new Date(Date.now() + 30 * HORA) } });
    const antes = await db.reserva.findUniqueOrThrow({ where: { id: reserva.id } });
    const cotizacion = await cotizacionDeCancelacion(db, actor, reserva.id);
    expect(cotizacion).toMatchObject({ porcentaje_reembolso: 50, monto_reembolso: "1200.00" });
    expect(new Date(cotizacion.vence_at!).getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(await db.reserva.findUniqueOrThrow({ where: { id: reserva.id } })).toEqual(antes);

    const { respuesta } = await cancelarReserva(db, actor, reserva.id, { cotizacion: cotizacion.cotizacion, motivo: MOTIVO }, null);
    expect(respuesta).toMatchObject({ reserva: { estado: "CANCELADA" }, reembolso: { monto: "1200.00", porcentaje: 50, estado: "PENDIENTE" } });
    const reembolso = await db.reembolso.findUniqueOrThrow({ where: { reservaId: reserva.id } });
    expect([reembolso.monto.toFixed(2), reembolso.porcentaje.toNumber(), reembolso.estado]).toEqual(["1200.00", 50, "PENDIENTE"]);
    const historial = await db.historialReprogramacion.findUniqueOrThrow({ where: { id: respuesta.historial_id }, include: { ...INCLUIR_HISTORIAL_CORREO, entregas: { orderBy: { id: "asc" } } } });
    expect(historial).toMatchObject({ accion: "CANCELACION", tipo: "CLIENTE", motivo: MOTIVO, actorId: actor.id });
    expect(historial.entregas.map((e) => [e.canal, e.plantilla])).toEqual([
      ["EMAIL", "cancelacion"],
      ["SMS", "cancelacion_sms"],
      ...historial.entregas.filter((e) => e.plantilla === "cancelacion_auditoria").map(() => ["EMAIL", "cancelacion_auditoria"]),
      ["TIEMPO_REAL", "evento_reprogramacion"],
    ]);
    const contacto = await contactoAgencia(db);
    const correo = await renderizarCorreo(historial, "cancelacion", contacto);
    expect(correo.asunto).toBe(`Tu reserva #${reserva.id} fue cancelada`);
    expect(correo.texto).toContain("Bs 1.200,00 (50 %)");
    const auditoria = await renderizarCorreo(historial, "cancelacion_auditoria", contacto);
    expect(auditoria.asunto).toMatch(new RegExp(`^\\[Auditoría\\] Reserva #${reserva.id} cancelada por `));
    expect((await db.notificacion.findUniqueOrThrow({ where: { historialId: historial.id } })).datos).toMatchObject({ tipo: "cancelacion", reserva_id: reserva.id });

    // Cancelled: the quote says so and a second cancellation is refused.
    expect(await cotizacionDeCancelacion(db, actor, reserva.id)).toMatchObject({ puede_cancelar: false, cotizacion: null, razon: "La reserva ya está cancelada." });
    expect(await codigo(cancelarReserva(db, actor, reserva.id, { cotizacion: cotizacion.cotizacion, motivo: MOTIVO }, null))).toBe("409 RESERVA_NO_CANCELABLE");
  });

  it("el lugar liberado se ofrece al primero de la lista de espera del día", async () => {
    // Far beyond the days other files book.
    const dia = diaHabil(560, 10);
    const fecha = columnaDeDia(diaLocal(dia));
    await db.capacidadFecha.create({ data: { fecha, capacidadMaxima: 1 } });
    const ocupante = await clienteConReserva();
    await db.reserva.update({ where: { id: ocupante.reserva.id }, data: { fechaInicio: dia } });
    const esperando = await clienteConReserva();
    await unirseListaEspera(db, esperando.actor, esperando.reserva.id, { fecha: diaLocal(dia) });
    const cotizacion = await cotizacionDeCancelacion(db, ocupante.actor, ocupante.reserva.id);
    await cancelarReserva(db, ocupante.actor, ocupante.reserva.id, { cotizacion: cotizacion.cotizacion, motivo: MOTIVO }, null);
    const [trabajo] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'ofrecer_lugares' AND j.payload->>'dia' = ${diaLocal(dia)}`;
    expect(trabajo.n).toBeGreaterThan(0);
    await ofrecerLugares(db, diaLocal(dia));
    expect(await db.entradaListaEspera.findFirstOrThrow({ where: { reservaId: esperando.reserva.id } })).toMatchObject({ estado: "OFERTADA" });
    await db.capacidadFecha.delete({ where: { fecha } });
  });

  it("una cotización vencida, una anterior a un cambio de reglas y una alterada no cambian nada", async () => {
    const { actor, reserva } = await reservaA(100);
    const ahora = new Date();
    const cotizacion = await cotizacionDeCancelacion(db, actor, reserva.id, ahora);
    const vencida = await cancelarReserva(db, actor, reserva.id, { cotizacion: cotizacion.cotizacion, motivo: MOTIVO }, null, new Date(ahora.getTime() + 16 * 60_000)).catch((e) => e);
    expect(vencida).toMatchObject({ status: 409, errorCode: "COTIZACION_VENCIDA" });
    expect(vencida.cuerpo().cotizacion_nueva).toMatchObject({ porcentaje_reembolso: 70, puede_cancelar: true });

    const politica = await db.reglaReprogramacion.findFirstOrThrow({ where: { tipoRegla: "POLITICA_CANCELACION" } });
    await db.reglaReprogramacion.update({ where: { id: politica.id }, data: { prioridad: politica.prioridad + 1 } });
    try {
      expect(await codigo(cancelarReserva(db, actor, reserva.id, { cotizacion: cotizacion.cotizacion, motivo: MOTIVO }, null))).toBe("409 COTIZACION_VENCIDA");
    } finally {
      await db.reglaReprogramacion.update({ where: { id: politica.id }, data: { prioridad: politica.prioridad } });
    }
    const fresca = await cotizacionDeCancelacion(db, actor, reserva.id);
    const [version, cuerpo, firma] = fresca.cotizacion!.split(".");
    const alterada = JSON.parse(Buffer.from(cuerpo, "base64url").toString());
    const trucada = `${version}.${Buffer.from(JSON.stringify({ ...alterada, porcentaje: 100, monto: "2400.00" })).toString("base64url")}.${firma}`;
    expect(await codigo(cancelarReserva(db, actor, reserva.id, { cotizacion: trucada, motivo: MOTIVO }, null))).toBe("400 COTIZACION_INVALIDA");
    expect(await codigo(cancelarReserva(db, actor, reserva.id, { cotizacion: `${fresca.cotizacion}x`, motivo: MOTIVO }, null))).toBe("400 COTIZACION_INVALIDA");
    expect((await db.reserva.findUniqueOrThrow({ where: { id: reserva.id } })).estado).toBe(reserva.estado);
    expect(await db.reembolso.count({ where: { reservaId: reserva.id } })).toBe(0);
  });

  it("20 cancelaciones simultáneas con una clave cancelan una vez (un reembolso); sin clave, una gana y las demás son 409", async () => {
    for (const conClave of [true, false]) {
      const { actor, reserva } = await reservaA(200);
      const { cotizacion } = await cotizacionDeCancelacion(db, actor, reserva.id);
      const resultados = await Promise.all(
        Array.from({ length: 20 }, () => cancelarReserva(db, actor, reserva.id, { cotizacion, motivo: MOTIVO }, conClave ? `cancelar-${reserva.id}` : null).then((r) => (r.repetida ? "REPETIDA" : "OK"), (e) => (e instanceof ErrorDominio ? e.errorCode : String(e)))),
      );
      expect(resultados.filter((r) => r === "OK")).toHaveLength(1);
      expect(resultados.filter((r) => r !== "OK")).toEqual(Array(19).fill(conClave ? "REPETIDA" : "RESERVA_NO_CANCELABLE"));
      expect(await db.reembolso.count({ where: { reservaId: reserva.id } })).toBe(1);
      expect(await db.historialReprogramacion.count({ where: { reservaId: reserva.id, accion: "CANCELACION" } })).toBe(1);
    }
  });

  it("el operador cancela por el cliente con la misma política; solo el administrador ajusta el reembolso, con razón; nadie cancela la reserva de otro", async () => {
    const porOperador = await reservaA(100);
    const q = await cotizacionDeCancelacion(db, operador, porOperador.reserva.id);
    expect(q.porcentaje_reembolso).toBe(70);
    expect(await codigo(cancelarReserva(db, operador, porOperador.reserva.id, { cotizacion: q.cotizacion, motivo: MOTIVO, porcentaje_reembolso: 100, razon_ajuste: "Gesto comercial por la demora" }, null))).toBe("403 PERMISO_DENEGADO");
    const { respuesta } = await cancelarReserva(db, operador, porOperador.reserva.id, { cotizacion: q.cotizacion, motivo: MOTIVO }, null);
    expect(respuesta.reembolso.monto).toBe("1680.00");
    expect(await db.historialReprogramacion.findUniqueOrThrow({ where: { id: respuesta.historial_id } })).toMatchObject({ tipo: "OPERADOR_ASISTIDO", actorId: operador.id });

    const conAjuste = await reservaA(10);
    const q2 = await cotizacionDeCancelacion(db, admin, conAjuste.reserva.id);
    expect(q2.porcentaje_reembolso).toBe(0);
    expect(await codigo(cancelarReserva(db, admin, conAjuste.reserva.id, { cotizacion: q2.cotizacion, motivo: MOTIVO, porcentaje_reembolso: 80 }, null))).toBe("400 DATOS_INVALIDOS");
    const ajustada = await cancelarReserva(db, admin, conAjuste.reserva.id, { cotizacion: q2.cotizacion, motivo: MOTIVO, porcentaje_reembolso: 80, razon_ajuste: "Emergencia médica documentada" }, null);
    expect(ajustada.respuesta.reembolso).toMatchObject({ monto: "1920.00", porcentaje: 80 });
    expect((await db.historialReprogramacion.findUniqueOrThrow({ where: { id: ajustada.respuesta.historial_id } })).detalle).toMatchObject({
      ajuste: { porcentaje_calculado: 0, porcentaje_aplicado: 80, razon: "Emergencia médica documentada", autorizado_por: "admin@demo.bo" },
    });

    const ajena = await reservaA(100);
    const otro = await clienteConReserva();
    expect(await codigo(cotizacionDeCancelacion(db, otro.actor, ajena.reserva.id))).toBe("404 NO_ENCONTRADO");
    const qAjena = await cotizacionDeCancelacion(db, ajena.actor, ajena.reserva.id);
    expect(await codigo(cancelarReserva(db, otro.actor, ajena.reserva.id, { cotizacion: qAjena.cotizacion, motivo: MOTIVO }, null))).toBe("404 NO_ENCONTRADO");
  });
});
