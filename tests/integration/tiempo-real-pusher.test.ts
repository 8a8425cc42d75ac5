// The live event through the real Pusher server SDK to a local server that checks signatures the
// way Pusher does, and the private-channel authorization staff browsers ask for.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INCLUIR_HISTORIAL_CORREO } from "@/lib/notificaciones/correo/contenido";
import { procesarEntrega } from "@/lib/notificaciones/entregar";
import { autorizarSuscripcion } from "@/lib/notificaciones/tiempo-real/autorizar";
import { CANAL_SOPORTE, configuracionNavegador } from "@/lib/notificaciones/tiempo-real/configuracion";
import { reprogramarReserva } from "@/lib/reprogramacion/reprogramar";
import { iniciarPusherFalso } from "../fakes/pusher";
import { db } from "./db";
import { clienteConReserva } from "./escenario";

const APP = { id: "4242", key: "clave-publica", secret: "secreto-de-prueba" };
let pusher: Awaited<ReturnType<typeof iniciarPusherFalso>>;

beforeAll(async () => {
  pusher = await iniciarPusherFalso(APP);
  Object.assign(process.env, { PUSHER_APP_ID: APP.id, PUSHER_KEY: APP.key, PUSHER_SECRET: APP.secret, PUSHER_HOST: pusher.host, PUSHER_PORT: String(pusher.port), PUSHER_USE_TLS: "false" });
});

afterAll(async () => {
  await pusher.cerrar();
  await db.$disconnect();
});

describe("Pusher", () => {
  it("el trigger va firmado al canal privado de soporte con el payload §2B (< 10 KB)", async () => {
    const { reserva, actor, nuevaFecha } = await clienteConReserva({ nombre: "Rosa" });
    const resultado = await reprogramarReserva(db, actor, reserva.id, { nueva_fecha: nuevaFecha.toISOString(), motivo: "Viaje adelantado" });
    const entrega = await db.entregaNotificacion.findFirstOrThrow({ where: { historialId: resultado.historial.id, canal: "TIEMPO_REAL" } });
    // Runs the delivery directly: this file's process has no queue worker.
    expect(await procesarEntrega(db, entrega.id)).toEqual({ estado: "ENVIADA", intento: 1 });

    expect(pusher.rechazadas).toEqual([]);
    const evento = pusher.eventos.find((e) => JSON.parse(e.data).reserva_id === reserva.id);
    expect(evento).toBeDefined();
    expect(evento!.name).toBe("reprogramacion");
    expect(evento!.channels).toEqual([CANAL_SOPORTE]);
    expect(Buffer.byteLength(evento!.data)).toBeLessThan(10_240);
    expect(JSON.parse(evento!.data)).toMatchObject({
      type: "reprogramacion",
      tipo: "reprogramacion",
      reserva_id: reserva.id,
      cliente_nombre: "Rosa Condori",
      cliente: { nombre: "Rosa Condori" },
      fecha_anterior: reserva.fechaInicio.toISOString(),
      fecha_nueva: nuevaFecha.toISOString(),
      motivo: "Viaje adelantado",
      reprogramado_por: "Rosa Condori",
      leida: false,
    });
    const historial = await db.historialReprogramacion.findUniqueOrThrow({ where: { id: resultado.historial.id }, include: INCLUIR_HISTORIAL_CORREO });
    expect(historial.pushEnviado).toBe(true);
  });

  it("con el secreto equivocado Pusher responde 401: no se reintenta y el intento queda registrado", async () => {
    const { reserva, actor, nuevaFecha } = await clienteConReserva();
    const resultado = await reprogramarReserva(db, actor, reserva.id, { nueva_fecha: nuevaFecha.toISOString(), motivo: "Secreto incorrecto" });
    const entrega = await db.entregaNotificacion.findFirstOrThrow({ where: { historialId: resultado.historial.id, canal: "TIEMPO_REAL" } });
    process.env.PUSHER_SECRET = "otro";
    try {
      expect(await procesarEntrega(db, entrega.id)).toEqual({ estado: "FALLIDA", intento: 1 });
    } finally {
      process.env.PUSHER_SECRET = APP.secret;
    }
    expect(pusher.rechazadas).toHaveLength(1);
    const intento = await db.intentoEntrega.findFirstOrThrow({ where: { entregaId: entrega.id } });
    expect(intento).toMatchObject({ exito: false, errorTipo: "PROVEEDOR", error: "Pusher HTTP 401" });
  });

  it("la autorización del canal privado lleva la firma HMAC de socket y canal", () => {
    const firma = autorizarSuscripcion(`socket_id=1234.5678&channel_name=${CANAL_SOPORTE}`);
    const esperada = createHmac("sha256", APP.secret).update(`1234.5678:${CANAL_SOPORTE}`).digest("hex");
    expect(firma).toEqual({ auth: `${APP.key}:${esperada}` });
    expect(() => autorizarSuscripcion("socket_id=1234.5678&channel_name=private-otro")).toThrow();
    expect(() => autorizarSuscripcion(`socket_id=abc&channel_name=${CANAL_SOPORTE}`)).toThrow();
  });

  it("el navegador recibe la clave pública y el host, nunca el secreto", () => {
    const config = configuracionNavegador();
    expect(config).toMatchObject({ tipo: "pusher", key: APP.key, wsHost: "127.0.0.1", canal: CANAL_SOPORTE });
    expect(JSON.stringify(config)).not.toContain(APP.secret);
  });
});
