// SMS end to end inside one process: the real reschedule use case on real PostgreSQL, the queue
// worker and the official Twilio SDK talking HTTP to a local server that answers like Twilio.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verEnlace } from "@/lib/cuenta/enlaces";
import { formatearFechaCorta } from "@/lib/formato/fecha";
import { largoGsm7 } from "@/lib/notificaciones/sms/gsm7";
import { iniciarWorker, type Worker } from "@/lib/notificaciones/worker";
import { reprogramarReserva } from "@/lib/reprogramacion/reprogramar";
import { respuestaReprogramacion } from "@/lib/reprogramacion/respuesta";
import { registrarInformeSms } from "@/lib/notificaciones/sms/informe";
import { firmaTwilio, iniciarTwilioFalso, type TwilioFalso } from "../fakes/twilio";
import { databaseUrl, db } from "./db";
import { actorDemo, clienteConReserva, esperarEntregas } from "./escenario";

const CUENTA = `AC${"1a".repeat(16)}`;
const TOKEN = "token-de-prueba";
const REMITENTE = "+15005550006";
let twilio: TwilioFalso;
let worker: Worker;
let siguienteNumero = 71000000;
const nuevoCelular = () => `+591${siguienteNumero++}`;

beforeAll(async () => {
  twilio = await iniciarTwilioFalso({ cuenta: CUENTA, token: TOKEN });
  for (const k of ["RESEND_API_KEY", "ADMIN_EMAILS"]) delete process.env[k];
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: CUENTA,
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_FROM: REMITENTE,
    TWILIO_API_URL: twilio.url,
    APP_URL: "https://viajes.example.bo",
    NOTIFICACIONES_ESPERA_BASE_MS: "300",
    NOTIFICACIONES_MAX_INTENTOS: "4",
    NOTIFICACIONES_SONDEO_MS: "100",
  });
  worker = await iniciarWorker({ db, connectionString: databaseUrl, concurrencia: 4 });
});

afterAll(async () => {
  await worker?.stop();
  await twilio?.cerrar();
  for (const k of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM", "TWILIO_API_URL", "APP_URL"]) delete process.env[k];
});

beforeEach(() => twilio.fallarProximas());

const smsPara = (numero: string) => twilio.enviados.filter((s) => s.to === numero);
const peticionesPara = (numero: string) => twilio.peticiones.filter((p) => p.to === numero);

async function reprogramar(escenario: Awaited<ReturnType<typeof clienteConReserva>>, extra: Record<string, unknown> = {}, actor = escenario.actor) {
  return reprogramarReserva(db, actor, escenario.reserva.id, { nueva_fecha: escenario.nuevaFecha.toISOString(), motivo: "Cambio de vuelo", ...extra });
}

describe("SMS de reprogramación con Twilio", () => {
  it("un cliente con celular recibe exactamente un SMS corto, con número de reserva, fecha en la zona de la agencia y enlace", async () => {
    const celular = nuevoCelular();
    const escenario = await clienteConReserva({ telefono: celular });
    const resultado = await reprogramar(escenario);
    // At commit time the SMS is queued, not sent.
    expect(respuestaReprogramacion(resultado).notificaciones).toMatchObject({ sms_en_cola: true, sms_enviado: false, canales_utilizados: ["email", "sms", "push"] });

    const entregas = await esperarEntregas(resultado.historial.id);
    const sms = entregas.find((e) => e.canal === "SMS")!;
    expect(sms).toMatchObject({ destinatario: celular, estado: "ENVIADA", intentos: 1, plantilla: "reprogramacion_sms" });
    const enviados = smsPara(celular);
    expect(enviados).toHaveLength(1);
    // No TWILIO_STATUS_CALLBACK_URL here: no status reports asked for.
    expect(enviados[0]).toMatchObject({ from: REMITENTE, messagingServiceSid: null, statusCallback: null });
    expect(sms.proveedorId).toBe(enviados[0].sid);
    const fecha = formatearFechaCorta(escenario.nuevaFecha, "America/La_Paz");
    // The link is the client's own manage link ("Gestionar mi reserva"), minted for this SMS.
    const cuerpo = new RegExp(`^Agencia de Viajes: su reserva #${escenario.reserva.id} (a Lago Titicaca )?fue reprogramada al ${fecha.replace(/[/()]/g, "\\$&")} \\(America/La_Paz\\)\\. Detalle: https://viajes\\.example\\.bo/gestionar/([A-Za-z0-9_-]{24})$`);
    const [, , token] = cuerpo.exec(enviados[0].body) ?? [];
    expect(token, enviados[0].body).toBeDefined();
    expect((await verEnlace(db, token, "GESTION")).ok).toBe(true);
    expect(largoGsm7(enviados[0].body)).toBeLessThanOrEqual(160);
    expect(await db.historialReprogramacion.findUniqueOrThrow({ where: { id: resultado.historial.id } })).toMatchObject({ smsEnviado: true, emailEnviado: true, clienteNotificado: true });
  });

  it("un 503 se reintenta una vez y el SMS llega una sola vez; el historial marca sms_enviado solo después del envío", async () => {
    const celular = nuevoCelular();
    const escenario = await clienteConReserva({ telefono: celular });
    twilio.fallarProximas(503);
    const { historial } = await reprogramar(escenario);
    // Between the failed attempt and its retry (300 ms later) the history still says not sent.
    for (let i = 0; i < 100 && peticionesPara(celular).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.historialReprogramacion.findUniqueOrThrow({ where: { id: historial.id } })).toMatchObject({ smsEnviado: false });

    const sms = (await esperarEntregas(historial.id)).find((e) => e.canal === "SMS")!;
    expect(sms).toMatchObject({ estado: "ENVIADA", intentos: 2 });
    expect(sms.intentosRegistrados.map((i) => [i.numero, i.exito, i.errorTipo, i.error])).toEqual([
      [1, false, "PROVEEDOR", "Twilio HTTP 503 código 20500"],
      [2, true, null, null],
    ]);
    expect(peticionesPara(celular).map((p) => p.respondida)).toEqual([503, 201]);
    expect(smsPara(celular)).toHaveLength(1);
    expect(await db.historialReprogramacion.findUniqueOrThrow({ where: { id: historial.id } })).toMatchObject({ smsEnviado: true });
  });

  it("un 429 de Twilio también se reintenta", async () => {
    const celular = nuevoCelular();
    const escenario = await clienteConReserva({ telefono: celular });
    twilio.fallarProximas(429);
    const sms = (await esperarEntregas((await reprogramar(escenario)).historial.id)).find((e) => e.canal === "SMS")!;
    expect(sms).toMatchObject({ estado: "ENVIADA", intentos: 2 });
    expect(peticionesPara(celular).map((p) => p.respondida)).toEqual([429, 201]);
  });

  it("un número que Twilio rechaza falla como DESTINATARIO_INVALIDO sin reintentos", async () => {
    const celular = nuevoCelular();
    twilio.rechazarNumero(celular);
    const escenario = await clienteConReserva({ telefono: celular });
    const { historial } = await reprogramar(escenario);
    const entregas = await esperarEntregas(historial.id);
    const sms = entregas.find((e) => e.canal === "SMS")!;
    expect(sms).toMatchObject({ estado: "FALLIDA", intentos: 1, errorTipo: "DESTINATARIO_INVALIDO", error: "Twilio HTTP 400 código 21211" });
    expect(peticionesPara(celular)).toHaveLength(1);
    expect(smsPara(celular)).toHaveLength(0);
    // The email still reached the client; only the SMS flag stays false.
    expect(await db.historialReprogramacion.findUniqueOrThrow({ where: { id: historial.id } })).toMatchObject({ smsEnviado: false, emailEnviado: true });
  });

  it("sin SMS cuando el cliente no tiene celular, lo desactivó, o notificar_cliente es false", async () => {
    const sinNumero = await clienteConReserva();
    expect(respuestaReprogramacion(await reprogramar(sinNumero)).notificaciones).toMatchObject({ sms_en_cola: false, canales_utilizados: ["email", "push"] });

    const celular = nuevoCelular();
    const desactivado = await clienteConReserva({ telefono: celular, smsActivo: false });
    const r = await reprogramar(desactivado);
    expect((await esperarEntregas(r.historial.id)).map((e) => e.canal)).toEqual(["EMAIL", "TIEMPO_REAL"]);

    const otro = nuevoCelular();
    const silencioso = await clienteConReserva({ telefono: otro });
    const admin = await actorDemo("admin@demo.bo");
    const s = await reprogramar(silencioso, { tipo_reprogramacion: "ADMINISTRATIVA", notificar_cliente: false }, admin);
    expect(respuestaReprogramacion(s).notificaciones).toMatchObject({ sms_en_cola: false, emails_en_cola: 0, canales_utilizados: ["push"] });
    await esperarEntregas(s.historial.id);
    expect(peticionesPara(celular)).toHaveLength(0);
    expect(peticionesPara(otro)).toHaveLength(0);
  });

  it("sin Twilio configurado, el SMS queda como texto en el buzón de desarrollo", async () => {
    const guardado = process.env.TWILIO_ACCOUNT_SID;
    delete process.env.TWILIO_ACCOUNT_SID;
    try {
      const celular = nuevoCelular();
      const escenario = await clienteConReserva({ telefono: celular });
      const { historial } = await reprogramar(escenario);
      const sms = (await esperarEntregas(historial.id)).find((e) => e.canal === "SMS")!;
      expect(sms.estado).toBe("ENVIADA");
      const buzon = await db.correoDesarrollo.findUniqueOrThrow({ where: { entregaId: sms.id } });
      expect(buzon).toMatchObject({ canal: "SMS", para: celular, asunto: "SMS" });
      expect(buzon.texto).toContain(`su reserva #${escenario.reserva.id}`);
      expect(peticionesPara(celular)).toHaveLength(0);
    } finally {
      process.env.TWILIO_ACCOUNT_SID = guardado;
    }
  });

  it("los informes de estado firmados avanzan el estado del SMS y nunca lo hacen retroceder", async () => {
    const URL_INFORMES = "https://viajes.example.bo/api/webhooks/twilio/estado/";
    process.env.TWILIO_STATUS_CALLBACK_URL = URL_INFORMES;
    try {
      const celular = nuevoCelular();
      const { historial } = await reprogramar(await clienteConReserva({ telefono: celular }));
      const sms = (await esperarEntregas(historial.id)).find((e) => e.canal === "SMS")!;
      const consulta = `?entrega=${sms.id}`;
      expect(smsPara(celular)[0].statusCallback).toBe(URL_INFORMES + consulta);
      const informar = (estado: string, codigo?: string, sid = sms.proveedorId!) => {
        const parametros = { MessageSid: sid, MessageStatus: estado, ...(codigo ? { ErrorCode: codigo } : {}) };
        return registrarInformeSms(db, { consulta, firma: firmaTwilio(TOKEN, URL_INFORMES + consulta, parametros), parametros });
      };
      const estado = async () => (await db.entregaNotificacion.findUniqueOrThrow({ where: { id: sms.id } })).estadoProveedor;

      expect(await informar("sent")).toEqual({ registrado: true });
      expect(await estado()).toBe("sent");
      // Out of order: "queued" after "sent" is ignored.
      expect(await informar("queued")).toEqual({ registrado: false });
      expect(await informar("failed", "30007")).toEqual({ registrado: true });
      const final = await db.entregaNotificacion.findUniqueOrThrow({ where: { id: sms.id } });
      expect(final).toMatchObject({ estadoProveedor: "failed", codigoProveedor: "30007", estado: "ENVIADA" });
      // A final state is final, and another message's SID touches nothing.
      expect(await informar("delivered")).toEqual({ registrado: false });
      expect(await informar("delivered", undefined, `SM${"0".repeat(32)}`)).toEqual({ registrado: false });
      expect(await estado()).toBe("failed");
      // A signature for other parameters is refused before anything is read.
      await expect(registrarInformeSms(db, { consulta, firma: firmaTwilio(TOKEN, URL_INFORMES + consulta, { MessageStatus: "sent" }), parametros: { MessageSid: sms.proveedorId!, MessageStatus: "delivered" } })).rejects.toMatchObject({ status: 403, errorCode: "FIRMA_INVALIDA" });
    } finally {
      delete process.env.TWILIO_STATUS_CALLBACK_URL;
    }
  });
});
