// Under the provider's request limit (Resend's default: 2 requests per second) a bulk move's emails
// leave in batch requests: 500 reschedules are handed over within 30 s, each email once, each
// delivery with its own attempt in the log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorDeUsuario } from "@/lib/auth/credenciales";
import { iniciarWorker, type Worker } from "@/lib/notificaciones/worker";
import { reprogramarReserva } from "@/lib/reprogramacion/reprogramar";
import { diaHabil } from "../fechas";
import { iniciarResendFalso, type ResendFalso } from "../fakes/resend";
import { databaseUrl, db } from "./db";

const RESERVAS = 500;
const ENTORNO = { RESEND_API_KEY: "re_lotes", RESEND_CORREOS_POR_SEGUNDO: "2", ADMIN_EMAILS: "", NOTIFICACIONES_SONDEO_MS: "100" };
let resend: ResendFalso;
let worker: Worker;
const antes = Object.fromEntries(Object.keys(ENTORNO).map((k) => [k, process.env[k]]));

beforeAll(async () => {
  resend = await iniciarResendFalso();
  Object.assign(process.env, ENTORNO, { RESEND_BASE_URL: resend.url });
  worker = await iniciarWorker({ db, connectionString: databaseUrl }); // default concurrency
});

afterAll(async () => {
  await worker?.stop();
  await resend?.cerrar();
  for (const [k, v] of Object.entries(antes)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** 500 clients, each with a reservation spread over 100 working days, each moved one day later. */
async function quinientasReservas() {
  const sufijo = Date.now().toString(36);
  const usuarios = await db.usuario.createManyAndReturn({
    data: Array.from({ length: RESERVAS }, (_, i) => ({ email: `lote-${sufijo}-${i}@prueba.bo`, passwordHash: "-", nombre: "Ana", apellido: "Quispe", rol: "CLIENTE" as const, nivel: "BRONZE" as const })),
  });
  const dias = usuarios.map((_, i) => 400 + 3 * (i % 100));
  const reservas = await db.reserva.createManyAndReturn({
    data: usuarios.map((u, i) => ({ usuarioId: u.id, destino: "Salar de Uyuni", fechaInicio: diaHabil(dias[i] - 340), total: "900.00" })),
  });
  return reservas.map((r, i) => ({ reserva: r, actor: actorDeUsuario(usuarios[i]), nuevaFecha: diaHabil(dias[i] - 339, 15, 30) }));
}

describe("correos en lote bajo el límite de Resend", () => {
  it("500 reprogramaciones entregan sus 500 correos en menos de 30 s, cada uno una vez", async () => {
    const movimientos = await quinientasReservas();
    const inicio = Date.now();
    const historiales: number[] = [];
    for (let i = 0; i < movimientos.length; i += 25) {
      const tanda = await Promise.all(
        movimientos.slice(i, i + 25).map(({ reserva, actor, nuevaFecha }) => reprogramarReserva(db, actor, reserva.id, { nueva_fecha: nuevaFecha.toISOString(), motivo: "Traslado masivo de temporada" })),
      );
      historiales.push(...tanda.map((r) => r.historial.id));
    }
    const emails = new Set(movimientos.map((m) => m.actor.email));
    for (;;) {
      const pendientes = await db.entregaNotificacion.count({ where: { historialId: { in: historiales }, estado: { notIn: ["ENVIADA", "FALLIDA"] } } });
      if (pendientes === 0) break;
      expect(Date.now() - inicio, `${pendientes} entregas sin terminar`).toBeLessThan(30_000);
      await new Promise((r) => setTimeout(r, 100));
    }
    const segundos = (Date.now() - inicio) / 1000;

    const recibidos = resend.enviados.filter((e) => emails.has(e.cuerpo.to[0]));
    expect(recibidos).toHaveLength(RESERVAS);
    expect(new Set(recibidos.map((e) => e.cuerpo.to[0])).size).toBe(RESERVAS);
    const peticiones = new Set(resend.peticiones.filter((p) => emails.has(p.cuerpo.to[0])).map((p) => p.clave));
    console.log(`${RESERVAS} correos en ${segundos.toFixed(1)} s con ${peticiones.size} peticiones a Resend`);
    expect(peticiones.size).toBeLessThanOrEqual(2 * Math.ceil(segundos) + 1); // the pace held
    expect([...peticiones].some((clave) => clave?.startsWith("lote-"))).toBe(true);

    const entregas = await db.entregaNotificacion.findMany({ where: { historialId: { in: historiales }, canal: "EMAIL" }, include: { intentosRegistrados: true } });
    expect(entregas.map((e) => [e.estado, e.intentosRegistrados.length])).toEqual(entregas.map(() => ["ENVIADA", 1]));
    expect(await db.historialReprogramacion.count({ where: { id: { in: historiales }, clienteNotificado: true } })).toBe(RESERVAS);
  }, 60_000);
});
