// Delivery metrics on a known dataset placed in March 2031, a window no other test writes to.
import { afterAll, describe, expect, it } from "vitest";
import type { EstadoEntrega, TipoErrorEntrega } from "@/lib/generated/prisma/enums";
import { PLANTILLA_ADMIN } from "@/lib/notificaciones/plantillas";
import { metricasNotificaciones, periodoMetricasSchema } from "@/lib/notificaciones/metricas";
import { db } from "./db";
import { clienteConReserva } from "./escenario";

afterAll(() => db.$disconnect());

interface EntregaDato {
  canal: "EMAIL" | "SMS" | "TIEMPO_REAL";
  plantilla: string;
  estado: EstadoEntrega;
  latenciaMs?: number;
  intentos?: (TipoErrorEntrega | "OK")[];
  errorTipo?: TipoErrorEntrega;
}

async function reprogramacionEn(creada: string, notificarCliente: boolean, clienteNotificado: boolean, entregas: EntregaDato[]) {
  const { reserva, usuario } = await clienteConReserva();
  const createdAt = new Date(creada);
  const h = await db.historialReprogramacion.create({
    data: { reservaId: reserva.id, fechaAnterior: reserva.fechaInicio, fechaNueva: reserva.fechaInicio, motivo: "Dato de métricas", tipo: "CLIENTE", actorId: usuario.id, totalAnterior: "100", totalNuevo: "100", notificarCliente, clienteNotificado, createdAt },
  });
  for (const e of entregas) {
    await db.entregaNotificacion.create({
      data: {
        historialId: h.id,
        canal: e.canal,
        destinatario: "x@prueba.bo",
        plantilla: e.plantilla,
        estado: e.estado,
        errorTipo: e.errorTipo,
        intentos: e.intentos?.length ?? 0,
        encoladaAt: createdAt,
        enviadaAt: e.latenciaMs === undefined ? null : new Date(createdAt.getTime() + e.latenciaMs),
        intentosRegistrados: { create: (e.intentos ?? []).map((r, i) => ({ numero: i + 1, exito: r === "OK", errorTipo: r === "OK" ? null : r, duracionMs: 10 })) },
      },
    });
  }
}

const cliente = (estado: EstadoEntrega, extra: Partial<EntregaDato> = {}): EntregaDato => ({ canal: "EMAIL", plantilla: "reprogramacion", estado, ...extra });
const admin = (estado: EstadoEntrega, extra: Partial<EntregaDato> = {}): EntregaDato => ({ canal: "EMAIL", plantilla: PLANTILLA_ADMIN, estado, ...extra });
const sms = (estado: EstadoEntrega, extra: Partial<EntregaDato> = {}): EntregaDato => ({ canal: "SMS", plantilla: "reprogramacion_sms", estado, ...extra });
const vivo = (estado: EstadoEntrega, latenciaMs?: number): EntregaDato => ({ canal: "TIEMPO_REAL", plantilla: "evento_reprogramacion", estado, latenciaMs, intentos: latenciaMs === undefined ? [] : ["OK"] });

describe("métricas de notificaciones", () => {
  it("calcula tasas, latencias, errores y volumen por día en la zona de la agencia", async () => {
    // 10 Mar 10:00 La Paz: everything delivered.
    await reprogramacionEn("2031-03-10T14:00:00Z", true, true, [cliente("ENVIADA", { latenciaMs: 1000, intentos: ["OK"] }), admin("ENVIADA", { latenciaMs: 2000, intentos: ["OK"] }), sms("ENVIADA", { latenciaMs: 650, intentos: ["OK"] }), vivo("ENVIADA", 100)]);
    // 10 Mar 16:00: the client email dead-lettered after three provider errors.
    // Its SMS went to a number Twilio refused.
    await reprogramacionEn("2031-03-10T20:00:00Z", true, false, [cliente("FALLIDA", { errorTipo: "PROVEEDOR", intentos: ["PROVEEDOR", "PROVEEDOR", "PROVEEDOR"] }), sms("FALLIDA", { errorTipo: "DESTINATARIO_INVALIDO", intentos: ["DESTINATARIO_INVALIDO"] }), vivo("ENVIADA", 300)]);
    // 11 Mar: no client email asked for; the admin address was invalid.
    await reprogramacionEn("2031-03-11T15:00:00Z", false, false, [admin("FALLIDA", { errorTipo: "DESTINATARIO_INVALIDO", intentos: ["DESTINATARIO_INVALIDO"] }), vivo("ENVIADA", 200)]);
    // 03:30 UTC on 11 Mar is still 10 Mar, 23:30 in La Paz; the live event is still queued.
    await reprogramacionEn("2031-03-11T03:30:00Z", true, true, [cliente("ENVIADA", { latenciaMs: 5000, intentos: ["RED", "OK"] }), vivo("PENDIENTE")]);
    // 12 Mar 00:30 La Paz: outside the period.
    await reprogramacionEn("2031-03-12T04:30:00Z", true, true, [cliente("ENVIADA", { latenciaMs: 50, intentos: ["OK"] })]);

    const m = await metricasNotificaciones(db, periodoMetricasSchema.parse({ desde: "2031-03-10", hasta: "2031-03-11" }));
    expect(m.periodo).toEqual({ desde: "2031-03-10T04:00:00.000Z", hasta: "2031-03-12T04:00:00.000Z", zona: "America/La_Paz" });
    expect(m).toMatchObject({ total_reprogramaciones: 4, reprogramaciones_con_aviso_al_cliente: 3, notificaciones_enviadas: 2, tasa_entrega: 66.67 });
    expect(m.por_canal).toEqual({
      email_cliente: { total: 3, enviadas: 2, fallidas: 1, pendientes: 0, tasa_entrega: 66.67, latencia_ms: { p50: 3000, p95: 4800 } },
      email_admin: { total: 2, enviadas: 1, fallidas: 1, pendientes: 0, tasa_entrega: 50, latencia_ms: { p50: 2000, p95: 2000 } },
      sms: { total: 2, enviadas: 1, fallidas: 1, pendientes: 0, tasa_entrega: 50, latencia_ms: { p50: 650, p95: 650 } },
      tiempo_real: { total: 4, enviadas: 3, fallidas: 0, pendientes: 1, tasa_entrega: 75, latencia_ms: { p50: 200, p95: 290 } },
    });
    // Sent latencies 100, 200, 300, 650, 1000, 2000, 5000 ms.
    expect(m.latencia_ms).toEqual({ p50: 650, p95: 4100 });
    expect(m.errores_por_tipo).toEqual({ PROVEEDOR: 3, RED: 1, PLANTILLA: 0, DATOS_FALTANTES: 0, DESTINATARIO_INVALIDO: 2 });
    expect(m.entregas_fallidas_por_tipo).toEqual({ PROVEEDOR: 1, RED: 0, PLANTILLA: 0, DATOS_FALTANTES: 0, DESTINATARIO_INVALIDO: 2 });
    expect(m.volumen_por_dia).toEqual([
      { fecha: "2031-03-10", reprogramaciones: 3, correos_enviados: 3, sms_enviados: 1, eventos_enviados: 2 },
      { fecha: "2031-03-11", reprogramaciones: 1, correos_enviados: 0, sms_enviados: 0, eventos_enviados: 1 },
    ]);
  });

  it("cuenta las ofertas de la lista de espera del periodo: cómo terminaron y cómo llegaron su correo y su SMS", async () => {
    // Offers made in April 2031 (La Paz), latencies measured from the offer.
    const oferta = async (ofertada: string, estado: "OFERTADA" | "ACEPTADA" | "RECHAZADA" | "VENCIDA", entregas: EntregaDato[]) => {
      const { reserva, usuario } = await clienteConReserva();
      const ofertadaAt = new Date(ofertada);
      const espera = await db.entradaListaEspera.create({
        data: { reservaId: reserva.id, dia: new Date("2031-04-20T00:00:00Z"), desde: new Date("2031-04-20T04:00:00Z"), hasta: new Date("2031-04-21T04:00:00Z"), estado, creadoPorId: usuario.id, ofertadaAt, ofertaVenceAt: new Date(ofertadaAt.getTime() + 43_200_000) },
      });
      for (const e of entregas)
        await db.entregaNotificacion.create({
          data: { esperaId: espera.id, canal: e.canal, destinatario: "x@prueba.bo", plantilla: e.plantilla, estado: e.estado, errorTipo: e.errorTipo, intentos: 1, encoladaAt: ofertadaAt, enviadaAt: e.latenciaMs === undefined ? null : new Date(ofertadaAt.getTime() + e.latenciaMs) },
        });
    };
    const correo = (estado: EstadoEntrega, latenciaMs?: number): EntregaDato => ({ canal: "EMAIL", plantilla: "oferta-lista-espera", estado, latenciaMs });
    await oferta("2031-04-10T14:00:00Z", "ACEPTADA", [correo("ENVIADA", 400), sms("ENVIADA", { latenciaMs: 900 })]);
    await oferta("2031-04-10T15:00:00Z", "ACEPTADA", [correo("ENVIADA", 800)]);
    await oferta("2031-04-11T14:00:00Z", "VENCIDA", [correo("ENVIADA", 1200), sms("FALLIDA", { errorTipo: "DESTINATARIO_INVALIDO" })]);
    await oferta("2031-04-11T16:00:00Z", "RECHAZADA", [correo("FALLIDA", undefined)]);
    await oferta("2031-04-11T18:00:00Z", "OFERTADA", [correo("PENDIENTE"), sms("PENDIENTE")]);
    // 12 Apr 00:30 La Paz: outside the period.
    await oferta("2031-04-12T04:30:00Z", "ACEPTADA", [correo("ENVIADA", 100)]);
    // A wait never offered (ESPERANDO) is not an offer.
    const { reserva, usuario } = await clienteConReserva();
    await db.entradaListaEspera.create({ data: { reservaId: reserva.id, dia: new Date("2031-04-20T00:00:00Z"), desde: new Date("2031-04-20T04:00:00Z"), hasta: new Date("2031-04-21T04:00:00Z"), creadoPorId: usuario.id, createdAt: new Date("2031-04-10T12:00:00Z") } });

    const m = await metricasNotificaciones(db, periodoMetricasSchema.parse({ desde: "2031-04-10", hasta: "2031-04-11" }));
    expect(m.total_reprogramaciones).toBe(0);
    expect(m.ofertas_lista_espera).toEqual({
      ofertas: 5, aceptadas: 2, rechazadas: 1, vencidas: 1, retiradas: 0, abiertas: 1,
      // 2 taken of the 4 closed.
      tasa_aceptacion: 50,
      por_canal: {
        email: { total: 5, enviadas: 3, fallidas: 1, pendientes: 1, tasa_entrega: 60, latencia_ms: { p50: 800, p95: 1160 } },
        sms: { total: 3, enviadas: 1, fallidas: 1, pendientes: 1, tasa_entrega: 33.33, latencia_ms: { p50: 900, p95: 900 } },
      },
    });
  });

  it("rechaza un periodo invertido o con formato inválido", () => {
    expect(periodoMetricasSchema.safeParse({ desde: "2031-03-12", hasta: "2031-03-10" }).success).toBe(false);
    expect(periodoMetricasSchema.safeParse({ desde: "ayer" }).success).toBe(false);
    expect(periodoMetricasSchema.safeParse({ otra: "x" }).success).toBe(false);
  });
});
