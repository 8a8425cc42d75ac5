// Email delivery end to end inside one process: the real reschedule use case on real PostgreSQL,
// the graphile-worker queue, React Email rendering and the real Resend SDK talking HTTP to a local
// server that answers like Resend.
import type { Worker } from "@/lib/notificaciones/worker";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encolarNotificaciones } from "@/lib/notificaciones/encolar";
import { transporteCorreo } from "@/lib/notificaciones/correo/transporte";
import { reintentarEntrega } from "@/lib/notificaciones/reintentar";
import { iniciarWorker } from "@/lib/notificaciones/worker";
import { reprogramarReserva } from "@/lib/reprogramacion/reprogramar";
import { respuestaReprogramacion } from "@/lib/reprogramacion/respuesta";
import { iniciarResendFalso, type ResendFalso } from "../fakes/resend";
import { databaseUrl, db } from "./db";
import { actorDemo, clienteConReserva, esperarEntregas } from "./escenario";

let resend: ResendFalso;
let worker: Worker;
const ADMINS = ["auditoria@agencia.bo", "gerencia@agencia.bo"];

beforeAll(async () => {
  resend = await iniciarResendFalso();
  Object.assign(process.env, {
    RESEND_API_KEY: "re_prueba123",
    RESEND_BASE_URL: resend.url,
    ADMIN_EMAILS: ADMINS.join(","),
    NOTIFICACIONES_ESPERA_BASE_MS: "150",
    NOTIFICACIONES_MAX_INTENTOS: "5",
    RESEND_CORREOS_POR_SEGUNDO: "100",
    NOTIFICACIONES_SONDEO_MS: "100",
  });
  worker = await iniciarWorker({ db, connectionString: databaseUrl, concurrencia: 4 });
});

afterAll(async () => {
  await worker?.stop();
  await resend?.cerrar();
  await db.$disconnect();
});

beforeEach(() => resend.fallarProximas(0));

const correosPara = (para: string) => resend.enviados.filter((e) => e.cuerpo.to.includes(para));

/** Runs with these environment variables set, then puts the previous values back. */
async function conEntorno<T>(variables: Record<string, string>, accion: () => Promise<T>): Promise<T> {
  const antes = Object.fromEntries(Object.keys(variables).map((k) => [k, process.env[k]]));
  Object.assign(process.env, variables);
  try {
    return await accion();
  } finally {
    for (const [k, v] of Object.entries(antes)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The client reschedules their own reservation; resolves when every delivery has finished. */
async function reprogramarYEsperar({ reserva, actor, nuevaFecha }: Awaited<ReturnType<typeof clienteConReserva>>, motivo: string) {
  const { historial } = await reprogramarReserva(db, actor, reserva.id, { nueva_fecha: nuevaFecha.toISOString(), motivo });
  return { historial, entregas: await esperarEntregas(historial.id) };
}

describe("correo de reprogramación con Resend", () => {
  it("una reprogramación envía exactamente un correo al cliente y uno a cada admin", async () => {
    const { reserva, actor, nuevaFecha, usuario } = await clienteConReserva({ nombre: "Lucía" });
    const resultado = await reprogramarReserva(db, actor, reserva.id, { nueva_fecha: nuevaFecha.toISOString(), motivo: "Cambio de vuelo" });
    // Honest: at commit time everything is queued, nothing is sent yet.
    expect(respuestaReprogramacion(resultado)).toMatchObject({
      notificaciones: { cliente_notificado: false, emails_enviados: 0, emails_en_cola: 3, notificacion_push: false, estado: "EN_COLA" },
    });

    const { historial } = resultado;
    const entregas = await esperarEntregas(historial.id);
    expect(entregas.map((e) => [e.canal, e.estado])).toEqual([
      ["EMAIL", "ENVIADA"],
      ["EMAIL", "ENVIADA"],
      ["EMAIL", "ENVIADA"],
      ["TIEMPO_REAL", "ENVIADA"],
    ]);

    const alCliente = correosPara(usuario.email);
    expect(alCliente).toHaveLength(1);
    expect(alCliente[0].cuerpo.subject).toBe(`Tu reserva #${reserva.id} ha sido reprogramada`);
    expect(alCliente[0].cuerpo.text).toContain("Hola Lucía Condori");
    expect(alCliente[0].cuerpo.text).toContain("Cambio de vuelo");
    expect(alCliente[0].cuerpo.text).toContain("(hora de America/La_Paz)");
    expect(alCliente[0].cuerpo.html).toContain("Tour Isla del Sol");
    expect(alCliente[0].clave).toBe(`entrega-${entregas[0].id}`);
    // Sent alone, the client's email carries its calendar file (base64, as Resend takes it).
    const [ics] = alCliente[0].cuerpo.attachments ?? [];
    expect([ics?.filename, ics?.content_type]).toEqual([`reserva-${reserva.id}.ics`, "text/calendar; charset=utf-8; method=REQUEST"]);
    expect(Buffer.from(ics!.content, "base64").toString()).toContain(`UID:reserva-${reserva.id}@`);
    for (const admin of ADMINS) {
      const recibidos = correosPara(admin);
      expect(recibidos).toHaveLength(1);
      expect(recibidos[0].cuerpo.subject).toBe(`[Auditoría] Reserva #${reserva.id} reprogramada (CLIENTE) por Lucía Condori`);
    }

    const final = await db.historialReprogramacion.findUniqueOrThrow({ where: { id: historial.id } });
    expect(final).toMatchObject({ clienteNotificado: true, emailEnviado: true, pushEnviado: true });
    expect(final.fechaNotificacion).not.toBeNull();
  });

  it("con Resend fallando con 500, el correo llega tras los reintentos y una sola vez", async () => {
    const escenario = await clienteConReserva();
    resend.fallarProximas(2, 500);
    const {
      entregas: [correo],
    } = await conEntorno({ ADMIN_EMAILS: "" }, () => reprogramarYEsperar(escenario, "Reintentos"));
    expect(correo).toMatchObject({ canal: "EMAIL", estado: "ENVIADA", intentos: 3, errorTipo: null });
    expect(correo.intentosRegistrados.map((i) => [i.numero, i.exito, i.errorTipo, i.error])).toEqual([
      [1, false, "PROVEEDOR", "Resend HTTP 500 internal_server_error"],
      [2, false, "PROVEEDOR", "Resend HTTP 500 internal_server_error"],
      [3, true, null, null],
    ]);
    const peticiones = resend.peticiones.filter((p) => p.clave === `entrega-${correo.id}`);
    expect(peticiones.map((p) => p.respondida)).toEqual([500, 500, 200]);
    // Exponential backoff: the second wait (300 ms) is about twice the first (150 ms).
    expect(peticiones[1].en - peticiones[0].en).toBeGreaterThanOrEqual(140);
    expect(peticiones[2].en - peticiones[1].en).toBeGreaterThanOrEqual(290);
    expect(correosPara(escenario.usuario.email)).toHaveLength(1);
  });

  it("la misma clave de idempotencia nunca produce un segundo correo", async () => {
    const transporte = transporteCorreo(db);
    const mensaje = { entregaId: 987654, para: "repetido@prueba.bo", asunto: "Prueba", html: "<p>x</p>", texto: "x" };
    const primero = await transporte.enviar(mensaje);
    const segundo = await transporte.enviar(mensaje);
    expect(primero).toEqual(segundo);
    expect(correosPara("repetido@prueba.bo")).toHaveLength(1);
  });

  it("respeta el 429 con retry-after antes de volver a intentar", async () => {
    resend.fallarProximas(1, 429, 1);
    const escenario = await clienteConReserva();
    const {
      entregas: [correo],
    } = await conEntorno({ ADMIN_EMAILS: "" }, () => reprogramarYEsperar(escenario, "Límite de ritmo"));
    const peticiones = resend.peticiones.filter((p) => p.clave === `entrega-${correo.id}`);
    expect(peticiones.map((p) => p.respondida)).toEqual([429, 200]);
    expect(peticiones[1].en - peticiones[0].en).toBeGreaterThanOrEqual(990);
  });

  it("tras el último intento la entrega queda FALLIDA con cada intento registrado, y un admin puede reintentarla", async () => {
    const escenario = await clienteConReserva();
    const { usuario } = escenario;
    resend.fallarProximas(10, 503);
    await conEntorno({ ADMIN_EMAILS: "", NOTIFICACIONES_MAX_INTENTOS: "3" }, async () => {
      const {
        historial,
        entregas: [correo],
      } = await reprogramarYEsperar(escenario, "Proveedor caído");
      expect(correo).toMatchObject({ estado: "FALLIDA", intentos: 3, errorTipo: "PROVEEDOR" });
      expect(correo.intentosRegistrados.map((i) => i.exito)).toEqual([false, false, false]);
      expect(correosPara(usuario.email)).toHaveLength(0);
      expect(await db.historialReprogramacion.findUniqueOrThrow({ where: { id: historial.id } })).toMatchObject({ clienteNotificado: false, emailEnviado: false });

      // An admin's manual retry, once the provider is back: a fresh budget, the log keeps growing.
      resend.fallarProximas(0);
      expect(await reintentarEntrega(db, correo.id)).toMatchObject({ id: correo.id, estado: "PENDIENTE", intentos: 3 });
      const [reintentada] = await esperarEntregas(historial.id);
      expect(reintentada).toMatchObject({ estado: "ENVIADA", intentos: 4, limiteIntentos: 6 });
      expect(reintentada.intentosRegistrados.map((i) => i.exito)).toEqual([false, false, false, true]);
      expect(correosPara(usuario.email)).toHaveLength(1);
      await expect(reintentarEntrega(db, correo.id)).rejects.toMatchObject({ status: 409, errorCode: "ENTREGA_NO_FALLIDA" });
    });
  });

  it("con tres workers a la vez, cada entrega se envía una sola vez", async () => {
    const extra = await Promise.all([iniciarWorker({ db, connectionString: databaseUrl, concurrencia: 4 }), iniciarWorker({ db, connectionString: databaseUrl, concurrencia: 4 })]);
    try {
      const escenarios = await Promise.all(Array.from({ length: 12 }, () => clienteConReserva()));
      const historiales = await conEntorno({ ADMIN_EMAILS: "" }, () =>
        Promise.all(escenarios.map(async ({ reserva, actor, nuevaFecha }) => (await reprogramarReserva(db, actor, reserva.id, { nueva_fecha: nuevaFecha.toISOString(), motivo: "Varios workers" })).historial.id)),
      );
      for (const id of historiales) {
        const entregas = await esperarEntregas(id);
        expect(entregas.map((e) => [e.estado, e.intentos, e.intentosRegistrados.length])).toEqual([
          ["ENVIADA", 1, 1],
          ["ENVIADA", 1, 1],
        ]);
      }
      for (const { usuario } of escenarios) expect(resend.peticiones.filter((p) => p.cuerpo.to.includes(usuario.email))).toHaveLength(1);
    } finally {
      await Promise.all(extra.map((w) => w.stop()));
    }
  });

  it("una dirección inválida no se envía ni se reintenta", async () => {
    const escenario = await clienteConReserva();
    const { entregas } = await conEntorno({ ADMIN_EMAILS: "no-es-un-correo" }, () => reprogramarYEsperar(escenario, "Dirección rota"));
    const rota = entregas.find((e) => e.destinatario === "no-es-un-correo");
    expect(rota).toMatchObject({ estado: "FALLIDA", intentos: 1, errorTipo: "DESTINATARIO_INVALIDO" });
    expect(resend.peticiones.some((p) => p.cuerpo.to.includes("no-es-un-correo"))).toBe(false);
  });

  it("notificar_cliente false: solo correos a admins", async () => {
    const { reserva, nuevaFecha, usuario } = await clienteConReserva();
    const admin = await actorDemo("admin@demo.bo");
    const resultado = await reprogramarReserva(db, admin, reserva.id, {
      nueva_fecha: nuevaFecha.toISOString(),
      motivo: "Ajuste interno",
      tipo_reprogramacion: "ADMINISTRATIVA",
      notificar_cliente: false,
      observaciones_internas: "Nota solo para el equipo",
    });
    expect(respuestaReprogramacion(resultado)).toMatchObject({
      notificaciones: { emails_en_cola: 2, notificar_cliente: false, template_usado: "reprogramacion_administrativa" },
    });
    await esperarEntregas(resultado.historial.id);
    expect(correosPara(usuario.email)).toHaveLength(0);
    const auditoria = resend.enviados.filter((e) => e.cuerpo.subject.includes(`#${reserva.id} `));
    expect(auditoria.map((e) => e.cuerpo.to[0]).sort()).toEqual([...ADMINS].sort());
    expect(auditoria[0].cuerpo.text).toContain("Nota solo para el equipo");
  });

  it("una transacción revertida no deja entregas ni trabajos en la cola", async () => {
    const { reserva, nuevaFecha, usuario } = await clienteConReserva();
    await expect(
      db.$transaction(async (tx) => {
        const historial = await tx.historialReprogramacion.create({
          data: { reservaId: reserva.id, fechaAnterior: reserva.fechaInicio, fechaNueva: nuevaFecha, motivo: "Se revierte", tipo: "CLIENTE", actorId: usuario.id, totalAnterior: "2400", totalNuevo: "2400" },
        });
        await encolarNotificaciones(tx, {
          historialId: historial.id,
          reserva_id: reserva.id,
          cliente: { nombre: "Lucía Condori", email: usuario.email },
          smsCliente: null,
          fecha_anterior: reserva.fechaInicio.toISOString(),
          fecha_nueva: nuevaFecha.toISOString(),
          motivo: "Se revierte",
          reprogramado_por: "Lucía Condori",
          tipo_reprogramacion: "CLIENTE",
          conDescuento: false,
          notificarCliente: true,
        });
        expect(await tx.entregaNotificacion.count({ where: { historialId: historial.id } })).toBe(4);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await db.entregaNotificacion.count({ where: { destinatario: usuario.email } })).toBe(0);
    const huerfanos = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM graphile_worker._private_jobs j
      WHERE NOT EXISTS (SELECT 1 FROM entrega_notificacion e WHERE e.id = (j.payload->>'entregaId')::int)`;
    expect(Number(huerfanos[0].n)).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(correosPara(usuario.email)).toHaveLength(0);
  });
});
