// Must-show of the notifications issue, through the whole app: the production server reschedules,
// its in-process worker delivers with the real Resend and Pusher SDKs, and the local stand-ins
// (started by scripts/test-e2e.ts) record what arrived and check Pusher's signatures.
import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { apiComo, clienteNuevo, db, diaHabil, idDeUsuario, reservaDirecta } from "./api-helpers";
import { firmaTwilio } from "../tests/fakes/twilio";
import { iniciarSesion, revisarPagina } from "./helpers";

interface CorreoRecibido {
  id: string;
  clave: string;
  cuerpo: { from: string; to: string[]; subject: string; html: string; text: string };
}

const servidor = () => process.env.PROVEEDORES_URL!;
const base = () => db(process.env.PROVEEDORES_DATABASE_URL);
const resend = (ruta: string, init?: RequestInit) => fetch(`${process.env.RESEND_FALSO_URL}${ruta}`, init).then((r) => r.json());
const enviadosA = async (para: string): Promise<CorreoRecibido[]> => (await resend("/__pruebas/enviados")).enviados.filter((e: CorreoRecibido) => e.cuerpo.to.includes(para));

test.describe.configure({ mode: "serial" });

async function reprogramarComoCliente(dia: number, motivo: string) {
  const cliente = await apiComo("cliente@demo.bo", servidor());
  const id = await reservaDirecta(await idDeUsuario("cliente@demo.bo", base()), diaHabil(dia), {}, base());
  const r = await cliente.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: diaHabil(dia + 3).toISOString(), motivo } });
  expect(r.status()).toBe(200);
  return { id, respuesta: await r.json(), cliente };
}

test("una reprogramación: exactamente un correo al cliente por Resend, uno al admin y el evento firmado en Pusher", async () => {
  const { id, respuesta, cliente } = await reprogramarComoCliente(230, "Cambio por reunión familiar");
  expect(respuesta.notificaciones).toMatchObject({ estado: "EN_COLA", emails_enviados: 0, emails_en_cola: 2, cliente_notificado: false });

  await expect(async () => {
    const [h] = await (await cliente.get(`/api/reservas/${id}/historial-reprogramacion/`)).json();
    expect(h.estado_notificacion).toMatchObject({ cliente_notificado: true, email_enviado: true, push_enviado: true });
  }).toPass({ timeout: 10_000 });

  const asunto = `Tu reserva #${id} ha sido reprogramada`;
  const alCliente = (await enviadosA("cliente@demo.bo")).filter((e) => e.cuerpo.subject === asunto);
  expect(alCliente).toHaveLength(1);
  expect(alCliente[0].cuerpo.text).toContain("Hola Juan Pérez,");
  expect(alCliente[0].cuerpo.text).toContain("Cambio por reunión familiar");
  expect(alCliente[0].cuerpo.text).toContain("(hora de America/La_Paz)");
  // The button is the client's own manage link, minted for this email.
  expect(alCliente[0].cuerpo.html).toMatch(new RegExp(`href="${servidor()}/gestionar/[A-Za-z0-9_-]{24}"`));
  expect(alCliente[0].clave).toMatch(/^entrega-\d+$/);
  const alAdmin = (await enviadosA("auditoria@agencia.bo")).filter((e) => e.cuerpo.subject.startsWith(`[Auditoría] Reserva #${id} `));
  expect(alAdmin).toHaveLength(1);

  await expect(async () => {
    const { eventos, rechazadas } = await fetch(`${process.env.PUSHER_FALSO_URL}/__pruebas/eventos`).then((r) => r.json());
    expect(rechazadas).toBe(0);
    const evento = eventos.find((e: { data: string }) => JSON.parse(e.data).reserva_id === id);
    expect(evento).toMatchObject({ name: "reprogramacion", channels: ["private-soporte-reprogramaciones"] });
    expect(JSON.parse(evento.data)).toMatchObject({ type: "reprogramacion", reserva_id: id, cliente_nombre: "Juan Pérez", motivo: "Cambio por reunión familiar" });
  }).toPass({ timeout: 5_000 });
});

test("con Resend devolviendo 500 dos veces, el correo llega tras los reintentos, una vez, con los intentos registrados", async () => {
  await resend("/__pruebas/fallos", { method: "POST", body: JSON.stringify([{ estado: 500 }, { estado: 500 }]) });
  const { id, cliente } = await reprogramarComoCliente(235, "Reintentos del proveedor");
  // The client's email (the SMS, without Twilio here, lands in the mailbox and may finish first).
  await expect(async () => {
    const [h] = await (await cliente.get(`/api/reservas/${id}/historial-reprogramacion/`)).json();
    expect(h.estado_notificacion.email_enviado).toBe(true);
  }).toPass({ timeout: 15_000 });

  const correos = async () =>
    (
      await base().query(
        `SELECT e.destinatario, e.intentos, e.estado, array_agg(i.exito ORDER BY i.numero) AS exitos, array_agg(i.error_tipo::text ORDER BY i.numero) AS tipos
         FROM entrega_notificacion e JOIN intento_entrega i ON i.entrega_id = e.id JOIN historial_reprogramacion h ON h.id = e.historial_id
         WHERE h.reserva_id = $1 AND e.canal = 'EMAIL' GROUP BY e.id ORDER BY e.id`,
        [id],
      )
    ).rows;
  let rows: Awaited<ReturnType<typeof correos>> = [];
  await expect(async () => {
    rows = await correos();
    expect(rows.map((r) => r.estado)).toEqual(["ENVIADA", "ENVIADA"]);
  }).toPass({ timeout: 15_000 });
  // The two 500s hit whichever emails went first; every delivery ends sent, each failure recorded.
  const fallos = rows.flatMap((r) => r.tipos.filter(Boolean));
  expect(fallos).toEqual(["PROVEEDOR", "PROVEEDOR"]);
  expect(rows.reduce((n, r) => n + r.intentos, 0)).toBe(4);
  expect((await enviadosA("cliente@demo.bo")).filter((e) => e.cuerpo.subject === `Tu reserva #${id} ha sido reprogramada`)).toHaveLength(1);
});

test("la autorización de Pusher firma para el personal y rechaza a un cliente", async () => {
  const operador = await apiComo("operador@demo.bo", servidor());
  const cliente = await apiComo("cliente@demo.bo", servidor());
  const form = { socket_id: "123.456", channel_name: "private-soporte-reprogramaciones" };
  const ok = await operador.post("/api/realtime/auth", { form });
  expect(ok.status()).toBe(200);
  const firma = createHmac("sha256", process.env.PUSHER_FALSO_SECRET!).update("123.456:private-soporte-reprogramaciones").digest("hex");
  expect(await ok.json()).toEqual({ auth: `${process.env.PUSHER_FALSO_KEY}:${firma}` });
  const rechazo = await cliente.post("/api/realtime/auth", { form });
  expect(rechazo.status()).toBe(403);
  expect((await rechazo.json()).error_code).toBe("PERMISO_DENEGADO");
});

test("tras 5 errores la entrega queda en descartes; un admin la reintenta desde Métricas y el correo llega", async ({ page }) => {
  await resend("/__pruebas/fallos", { method: "POST", body: JSON.stringify(Array.from({ length: 10 }, () => ({ estado: 503 }))) });
  const { id, cliente } = await reprogramarComoCliente(240, "Proveedor caído un buen rato");
  const admin = await apiComo("admin@demo.bo", servidor());
  await expect(async () => {
    const { entregas } = await (await admin.get("/api/admin/entregas/")).json();
    const mias = entregas.filter((e: { reserva_id: number }) => e.reserva_id === id);
    expect(mias.map((e: { intentos: number; error_tipo: string }) => [e.intentos, e.error_tipo])).toEqual([
      [5, "PROVEEDOR"],
      [5, "PROVEEDOR"],
    ]);
  }).toPass({ timeout: 20_000 });
  const metricas = await (await admin.get("/api/metricas/notificaciones/")).json();
  expect(metricas.entregas_fallidas_por_tipo.PROVEEDOR).toBeGreaterThanOrEqual(2);
  expect((await (await apiComo("operador@demo.bo", servidor())).get("/api/admin/entregas/")).status()).toBe(403);

  await iniciarSesion(page, "admin@demo.bo");
  await page.goto("/admin/metricas");
  const fila = page.getByTestId("entregas-fallidas").getByRole("listitem").filter({ hasText: `Reserva #${id} · Correo a cliente@demo.bo` });
  await fila.getByRole("button", { name: "Reintentar" }).click();
  await fila.getByRole("button", { name: "Sí, reintentar" }).click();
  await expect(fila).toHaveCount(0);
  await expect(async () => {
    const [h] = await (await cliente.get(`/api/reservas/${id}/historial-reprogramacion/`)).json();
    expect(h.estado_notificacion.cliente_notificado).toBe(true);
  }).toPass({ timeout: 10_000 });
  expect((await enviadosA("cliente@demo.bo")).filter((e) => e.cuerpo.subject === `Tu reserva #${id} ha sido reprogramada`)).toHaveLength(1);
});

test("la reserva en soporte muestra el correo que falla (Resend 500) como reintentando y luego enviado, sin recargar", async ({ page }) => {
  const cliente = await clienteNuevo("Irene", base());
  const id = await reservaDirecta(cliente.id, diaHabil(240), {}, base());
  await iniciarSesion(page, "operador@demo.bo", servidor());
  await page.goto(`${servidor()}/soporte/reservas/${id}`);
  // Both emails of the reschedule get a 500 that asks to come back in 5 s.
  await resend("/__pruebas/fallos", { method: "POST", body: JSON.stringify([{ estado: 500, retryAfter: 5 }, { estado: 500, retryAfter: 5 }]) });
  await page.locator('button[data-permitido="true"]').first().click();
  await expect(page.getByText("Puede reprogramar a esta fecha")).toBeVisible();
  await page.getByLabel("Motivo", { exact: true }).fill("Cambio pedido por teléfono");
  await page.getByRole("button", { name: "Revisar y confirmar" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirmar reprogramación" }).click();
  await expect(page).toHaveURL(/\?reprogramada=\d+/);
  const correo = page.locator(`[data-testid=entrega][data-destinatario="${cliente.email}"]`);
  await expect(correo).toHaveAttribute("data-estado", "REINTENTANDO", { timeout: 5_000 });
  await expect(correo).toContainText("Reintentando");
  await expect(correo).toContainText("último error: PROVEEDOR");
  const url = page.url();
  await expect(correo).toHaveAttribute("data-estado", "ENVIADA", { timeout: 20_000 });
  await expect(correo).toContainText("Enviada");
  expect(page.url()).toBe(url);
});

// SMS status reports: Twilio (the stand-in) calls the app back, signed, after accepting each SMS.
const twilioFalso = (ruta: string, init?: RequestInit) => fetch(`${process.env.TWILIO_FALSO_URL}${ruta}`, init).then((r) => r.json());
const smsDeReserva = async (id: number) =>
  (await base().query("SELECT e.id, e.proveedor_id, e.estado::text, e.estado_proveedor, e.codigo_proveedor FROM entrega_notificacion e JOIN historial_reprogramacion h ON h.id = e.historial_id WHERE h.reserva_id = $1 AND e.canal = 'SMS'", [id])).rows;
// The delivery and Twilio's status callback are two hops through the queue: a loaded runner took over 10 s.
const esperarInformeSms = (id: number, esperado: string) =>
  expect.poll(async () => (await smsDeReserva(id))[0]?.estado_proveedor ?? null, { timeout: 30_000 }).toBe(esperado);

test("SMS por Twilio: los informes firmados dicen «entregado» y soporte lo ve; un informe sin firma válida es 403 y no cambia nada", async ({ page }) => {
  const { id } = await reprogramarComoCliente(245, "Cambio de fecha con aviso por SMS");
  await esperarInformeSms(id, "delivered");
  const [sms] = await smsDeReserva(id);
  expect(sms).toMatchObject({ estado: "ENVIADA", codigo_proveedor: null });
  const url = `${servidor()}/api/webhooks/twilio/estado/?entrega=${sms.id}`;
  const { enviados, informes } = await twilioFalso("/__pruebas/enviados");
  expect(enviados.find((e: { sid: string }) => e.sid === sms.proveedor_id)).toMatchObject({ to: "+59171234567", statusCallback: url });
  expect(informes.filter((i: { sid: string }) => i.sid === sms.proveedor_id)).toEqual([
    { sid: sms.proveedor_id, estado: "sent", respondida: 200 },
    { sid: sms.proveedor_id, estado: "delivered", respondida: 200 },
  ]);

  // A late, duplicated "sent" is accepted and changes nothing: a state never goes back.
  expect((await twilioFalso("/__pruebas/informar", { method: "POST", body: JSON.stringify({ sid: sms.proveedor_id, estado: "sent" }) })).respondida).toBe(200);
  expect((await smsDeReserva(id))[0].estado_proveedor).toBe("delivered");

  // Forged reports: no signature, garbage, another account's token, or signed for another delivery.
  const token = process.env.TWILIO_FALSO_TOKEN!;
  const falso = { MessageSid: sms.proveedor_id, MessageStatus: "undelivered", ErrorCode: "30003" };
  const enviar = (firma: string | null, cuerpo: Record<string, string> = falso, tipo = "application/x-www-form-urlencoded") =>
    fetch(url, { method: "POST", headers: { "content-type": tipo, ...(firma ? { "x-twilio-signature": firma } : {}) }, body: tipo.includes("json") ? JSON.stringify(cuerpo) : new URLSearchParams(cuerpo) });
  for (const firma of [null, "AAAA", firmaTwilio("otro-token", url, falso), firmaTwilio(token, url.replace(`entrega=${sms.id}`, `entrega=${sms.id + 1}`), falso)]) {
    const r = await enviar(firma);
    expect(r.status).toBe(403);
    expect(await r.json()).toEqual({ detail: "La firma del informe de Twilio no es válida.", error_code: "FIRMA_INVALIDA" });
  }
  // Signed, but not a report this product understands; and not a form.
  const raro = { MessageSid: "no-es-un-sid", MessageStatus: "delivered" };
  const r400 = await enviar(firmaTwilio(token, url, raro), raro);
  expect(r400.status).toBe(400);
  expect(await r400.json()).toMatchObject({ error_code: "DATOS_INVALIDOS", campos: { MessageSid: expect.any(String) } });
  expect((await enviar(firmaTwilio(token, url, falso), falso, "application/json")).status).toBe(415);
  expect((await smsDeReserva(id))[0]).toMatchObject({ estado_proveedor: "delivered", codigo_proveedor: null });

  await iniciarSesion(page, "operador@demo.bo", servidor());
  await page.goto(`${servidor()}/soporte/reservas/${id}`);
  await expect(page.locator('[data-testid=entrega][data-canal="SMS"]')).toContainText("SMS a +591 71234567");
  await expect(page.locator('[data-testid=entrega][data-canal="SMS"]')).toContainText("entregado al teléfono");
});

test("SMS que Twilio acepta pero no llega al teléfono (30003): soporte lo ve con el código", async ({ page }, testInfo) => {
  const cliente = await clienteNuevo("Teresa", base());
  const celular = "+59177712345";
  await base().query("UPDATE usuario SET telefono = $1 WHERE id = $2", [celular, cliente.id]);
  await twilioFalso("/__pruebas/no-entregable", { method: "POST", body: JSON.stringify({ numero: celular }) });
  const id = await reservaDirecta(cliente.id, diaHabil(250), {}, base());
  const api = await apiComo(cliente.email, servidor());
  expect((await api.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: diaHabil(253).toISOString(), motivo: "Cambio con el celular apagado" } })).status()).toBe(200);
  await esperarInformeSms(id, "undelivered");
  expect((await smsDeReserva(id))[0]).toMatchObject({ estado: "ENVIADA", codigo_proveedor: "30003" });

  await iniciarSesion(page, "operador@demo.bo", servidor());
  await page.goto(`${servidor()}/soporte/reservas/${id}`);
  const fila = page.locator('[data-testid=entrega][data-canal="SMS"]');
  await expect(fila).toHaveAttribute("data-informe", "undelivered");
  await expect(fila.getByText("No llegó", { exact: true })).toBeVisible();
  await expect(fila).toContainText("no llegó al teléfono (código 30003)");
  for (const ancho of [390, 1280]) {
    await page.setViewportSize({ width: ancho, height: 900 });
    await fila.scrollIntoViewIfNeeded();
    await revisarPagina(page, testInfo, "soporte-reserva-sms-no-entregado", ancho);
  }
});
