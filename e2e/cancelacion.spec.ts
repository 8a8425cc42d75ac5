// Cancelling on the production build: over HTTP, a quote at 100 % a week out, 50 % once the trip is
// 30 h away, the cancellation at that quote (history, refund, client and admin emails, the support
// feed) and the freed place offered to the day's waiting list; in Chromium at 390 and 1280 px, the
// client reads the refund and the policy's timeline, confirms with a reason and sees the refund.
import { expect, test } from "@playwright/test";
import ICAL from "ical.js";
import { apiComo, clienteNuevo, db, diaHabil, diaLocal, fijarCapacidad, reservaDirecta } from "./api-helpers";
import { iniciarSesion, revisarPagina } from "./helpers";
import { feriadoNacional } from "../lib/reprogramacion/feriados";

const HORA = 3_600_000;

/** A start between 48 and 71 hours from now on a working day (a weekend or holiday would refuse the waiting list). */
function enDosDiasHabil(): Date {
  for (let h = 48; ; h += 0.5) {
    const fecha = new Date(Date.now() + h * HORA);
    const dia = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: "America/La_Paz" }).format(fecha);
    if (dia !== "Sat" && dia !== "Sun" && !feriadoNacional(diaLocal(fecha))) return fecha;
  }
}
const MOTIVO = "Cambio de planes familiares";

async function correoPara(para: string, asunto: RegExp) {
  for (const hasta = Date.now() + 20_000; Date.now() < hasta; await new Promise((r) => setTimeout(r, 200))) {
    const { rows } = await db().query<{ asunto: string; texto: string }>("SELECT asunto, texto FROM correo_desarrollo WHERE lower(para) = lower($1) ORDER BY id DESC", [para]);
    const correo = rows.find((c) => asunto.test(c.asunto));
    if (correo) return correo;
  }
  throw new Error(`sin correo «${asunto}» para ${para}`);
}

test("HTTP: 100 % a una semana, 50 % a menos de 72 h; cancelar con esa cotización: historial, reembolso, correos, panel y lista de espera", async () => {
  const cliente = await clienteNuevo("Marta");
  const id = await reservaDirecta(cliente.id, new Date(Date.now() + 8 * 24 * HORA));
  const api = await apiComo(cliente.email);
  expect(await (await api.get(`/api/reservas/${id}/cancelacion/`)).json()).toMatchObject({ puede_cancelar: true, porcentaje_reembolso: 100, monto_reembolso: "2400.00" });

  // The trip is now 26–71 h away, on a full day, and another client waits for a place on it.
  const dia = enDosDiasHabil();
  await db().query("UPDATE reserva SET fecha_inicio = $2 WHERE id = $1", [id, dia]);
  const otro = await clienteNuevo("Raúl");
  const suya = await reservaDirecta(otro.id, diaHabil(60, 10));
  const apiOtro = await apiComo(otro.email);
  // The waiting list follows the rules of a move to that day: staff put them in line. Other specs book
  // days too: the day is made full again (its bookings counted anew) if one left it meanwhile.
  const operador = await apiComo("operador@demo.bo");
  let espera = null;
  for (let intento = 0; intento < 3 && espera?.status() !== 201; intento++) {
    const { rows } = await db().query<{ n: number }>("SELECT count(*)::int AS n FROM reserva WHERE estado <> 'CANCELADA' AND to_char(fecha_inicio AT TIME ZONE 'America/La_Paz', 'YYYY-MM-DD') = $1", [diaLocal(dia)]);
    await fijarCapacidad(diaLocal(dia), rows[0].n);
    espera = await operador.post(`/api/reservas/${suya}/lista-espera/`, { data: { fecha: diaLocal(dia) } });
  }
  expect(espera!.status(), await espera!.text()).toBe(201);

  const cotizacion = await (await api.get(`/api/reservas/${id}/cancelacion/`)).json();
  expect(cotizacion).toMatchObject({ porcentaje_reembolso: 50, monto_reembolso: "1200.00", costo_cancelacion: "0.00" });
  expect(cotizacion.linea_tiempo.find((t: { vigente: boolean }) => t.vigente).porcentaje).toBe(50);
  const cancelada = await api.post(`/api/reservas/${id}/cancelar/`, { data: { cotizacion: cotizacion.cotizacion, motivo: MOTIVO }, headers: { "idempotency-key": `e2e-cancelar-${id}` } });
  expect(cancelada.status()).toBe(200);
  const cuerpo = await cancelada.json();
  expect(cuerpo).toMatchObject({ reserva: { estado: "CANCELADA" }, reembolso: { monto: "1200.00", porcentaje: 50, estado: "PENDIENTE" } });
  const repetida = await api.post(`/api/reservas/${id}/cancelar/`, { data: { cotizacion: cotizacion.cotizacion, motivo: MOTIVO }, headers: { "idempotency-key": `e2e-cancelar-${id}` } });
  expect([repetida.status(), repetida.headers()["idempotent-replayed"], (await repetida.json()).historial_id]).toEqual([200, "true", cuerpo.historial_id]);

  const historial = await (await api.get(`/api/reservas/${id}/historial-reprogramacion/`)).json();
  expect(historial.at(-1)).toMatchObject({ accion: "CANCELACION", motivo: MOTIVO, reembolso: { porcentaje: 50, monto: "1200.00" } });
  const correo = await correoPara(cliente.email, new RegExp(`^Tu reserva #${id} fue cancelada$`));
  expect(correo.texto).toContain("Bs 1.200,00 (50 %)");
  const feed = await (await operador.get("/api/notificaciones/reprogramaciones/?por_pagina=50")).json();
  expect(feed.notificaciones.find((n: { reserva_id: number }) => n.reserva_id === id)).toMatchObject({ tipo: "cancelacion", motivo: MOTIVO });
  await expect.poll(async () => (await (await apiOtro.get(`/api/reservas/${suya}/lista-espera/`)).json()).entradas[0]?.estado, { timeout: 20_000 }).toBe("OFERTADA");
  expect((await api.post(`/api/reservas/${id}/cancelar/`, { data: { cotizacion: cotizacion.cotizacion, motivo: MOTIVO } })).status()).toBe(409);
});

for (const ancho of [390, 1280]) {
  test(`el cliente cancela desde su reserva a ${ancho} px: reembolso y plazos antes, motivo obligatorio, reembolso después`, async ({ browser }, testInfo) => {
    const cliente = await clienteNuevo("Lucía");
    const id = await reservaDirecta(cliente.id, new Date(Date.now() + 100 * HORA));
    const page = await (await browser.newContext({ viewport: { width: ancho, height: 900 } })).newPage();
    await iniciarSesion(page, cliente.email);
    await page.goto(`/reservas/${id}`);
    await expect(page.getByTestId("reembolso-actual")).toHaveText("Si cancela ahora, le devolvemos Bs 1.680,00 (70 % de Bs 2.400,00).");
    const plazos = page.getByTestId("linea-tiempo").getByRole("listitem");
    await expect(plazos).toHaveCount(4);
    await expect(plazos.nth(1)).toHaveAttribute("aria-current", "step");
    await expect(plazos.nth(2)).toContainText(": 50 %");
    await revisarPagina(page, testInfo, "cancelar", ancho);

    await page.getByRole("button", { name: "Cancelar reserva…" }).click();
    const dialogo = page.getByRole("dialog", { name: "¿Cancelar la reserva?" });
    await expect(dialogo).toContainText("Se le devolverán Bs 1.680,00 (70 %).");
    await dialogo.getByRole("button", { name: "Sí, cancelar la reserva" }).click();
    await expect(dialogo.locator("#motivo-cancelacion-error")).toBeVisible();
    await expect(dialogo.getByLabel("Motivo de la cancelación")).toBeFocused();
    await revisarPagina(page, testInfo, "cancelar-dialogo", ancho);
    await dialogo.getByLabel("Motivo de la cancelación").fill(MOTIVO);
    await dialogo.getByRole("button", { name: "Sí, cancelar la reserva" }).click();
    await expect(page.getByTestId("reembolso")).toContainText("Reembolso de Bs 1.680,00 (70 %): pendiente de pago por la agencia.");
    await expect(page.getByTestId("historial-cancelacion")).toContainText("reembolso Bs 1.680,00 (70 %)");
    await revisarPagina(page, testInfo, "cancelada", ancho);
  });
}

for (const ancho of [390, 1280]) {
  test(`reembolsos a ${ancho} px: la cancelación aparece pendiente, se marca como pagada tras confirmar; la segunda vez es 409`, async ({ browser }, testInfo) => {
    const cliente = await clienteNuevo("Sonia");
    const id = await reservaDirecta(cliente.id, new Date(Date.now() + 200 * HORA));
    const api = await apiComo(cliente.email);
    const { cotizacion } = await (await api.get(`/api/reservas/${id}/cancelacion/`)).json();
    const { reembolso } = await (await api.post(`/api/reservas/${id}/cancelar/`, { data: { cotizacion, motivo: MOTIVO } })).json();

    const page = await (await browser.newContext({ viewport: { width: ancho, height: 900 } })).newPage();
    await iniciarSesion(page, "admin@demo.bo");
    await page.goto("/admin/reembolsos");
    const fila = page.locator(`li[data-reembolso="${reembolso.id}"]`);
    await expect(fila).toContainText(`Reserva #${id}`);
    await expect(fila).toContainText("Bs 2.400,00 (100 %)");
    await revisarPagina(page, testInfo, "reembolsos", ancho);
    await fila.getByRole("button", { name: "Marcar como pagado" }).click();
    await expect(page.getByRole("dialog", { name: "¿Marcar como pagado?" })).toContainText(`por la reserva #${id}`);
    await page.getByRole("button", { name: "Sí, está pagado" }).click();
    await expect(fila).toHaveCount(0);
    await page.goto("/admin/reembolsos?estado=PAGADO");
    await expect(page.locator(`li[data-reembolso="${reembolso.id}"]`)).toContainText("Pagado el");
    await revisarPagina(page, testInfo, "reembolsos-pagados", ancho);
    const admin = await apiComo("admin@demo.bo");
    const otraVez = await admin.post(`/api/admin/reembolsos/${reembolso.id}/pagado`);
    expect([otraVez.status(), (await otraVez.json()).error_code]).toEqual([409, "REEMBOLSO_YA_PAGADO"]);
    const csv = await (await admin.get("/api/admin/reembolsos/csv?estado=PAGADO")).text();
    expect(csv).toContain(`${reembolso.id},${id},Destino de prueba,Sonia Prueba,${cliente.email},2400.00,BOB,100,PAGADO,`);
  });
}

for (const ancho of [390, 1280]) {
  test(`transferir a ${ancho} px: el nuevo titular entra con el enlace de su correo y ve la reserva; el anterior recibe 404; fuera de plazo se rechaza con el mensaje de la regla`, async ({ browser }, testInfo) => {
    const cliente = await clienteNuevo("Pedro");
    const id = await reservaDirecta(cliente.id, new Date(Date.now() + 100 * HORA));
    const nuevo = `nueva.${ancho}.${Math.random().toString(36).slice(2, 8)}@prueba.bo`;
    const page = await (await browser.newContext({ viewport: { width: ancho, height: 900 } })).newPage();
    await iniciarSesion(page, cliente.email);
    await page.goto(`/reservas/${id}`);
    await expect(page.getByTestId("condiciones-transferencia")).toContainText("Costo: Bs 25,00, que se suma al total.");
    await page.getByRole("button", { name: "Transferir a otra persona…" }).click();
    await expect(page.locator("#transferir-nombre-error")).toHaveText("Complete este dato");
    await page.getByLabel("Nombre de la nueva persona").fill("Ana");
    await page.getByLabel("Apellido de la nueva persona").fill("Quispe");
    await page.getByLabel("Correo de la nueva persona").fill(nuevo);
    await page.getByLabel("Motivo de la transferencia").fill("No puedo viajar; viaja mi hermana");
    await revisarPagina(page, testInfo, "transferir", ancho);
    await page.getByRole("button", { name: "Transferir a otra persona…" }).click();
    const dialogo = page.getByRole("dialog", { name: "¿Transferir la reserva?" });
    await expect(dialogo).toContainText(`Pasará a Ana Quispe (${nuevo}), con un costo de Bs 25,00. Usted dejará de verla en sus reservas.`);
    await dialogo.getByRole("button", { name: "Sí, transferir" }).click();
    await expect(page).toHaveURL(/\/reservas$/);
    expect((await page.request.get(`/api/reservas/${id}/`)).status()).toBe(404);

    const correo = await correoPara(nuevo, new RegExp(`te transfirió la reserva #${id}$`));
    const enlace = /\/gestionar\/[A-Za-z0-9_-]{24}/.exec(correo.texto)![0];
    const nueva = await (await browser.newContext({ viewport: { width: ancho, height: 900 } })).newPage();
    await nueva.goto(enlace);
    await expect(nueva.getByText("Hola Ana, esta es la reserva del enlace.")).toBeVisible();
    await nueva.getByRole("button", { name: "Continuar" }).click();
    await expect(nueva.getByTestId("fecha-actual")).toBeVisible();
    await expect(nueva.getByRole("heading", { level: 1 })).toHaveText("Destino de prueba");
    await expect(nueva.getByText("Bs 2.425,00", { exact: true })).toBeVisible();
    await correoPara(cliente.email, new RegExp(`^Tu reserva #${id} ahora es de Ana Quispe$`));

    const tarde = await reservaDirecta(cliente.id, new Date(Date.now() + 12 * HORA));
    const api = await apiComo(cliente.email);
    const rechazo = await api.post(`/api/reservas/${tarde}/transferir/`, { data: { nombre: "Ana", apellido: "Quispe", email: nuevo, motivo: "No puedo viajar; viaja mi hermana" } });
    expect([rechazo.status(), (await rechazo.json()).detail]).toEqual([409, "Las transferencias se aceptan hasta 24 horas antes del inicio"]);
    await page.goto(`/reservas/${tarde}`);
    await expect(page.getByTestId("sin-transferencia")).toHaveText("Las transferencias se aceptan hasta 24 horas antes del inicio");
  });
}

for (const ancho of [390, 1280]) {
  test(`editor de políticas a ${ancho} px: la de cancelación con sus tramos; dos tramos con las mismas horas se rechazan junto al tramo; métricas de salidas`, async ({ browser }, testInfo) => {
    const page = await (await browser.newContext({ viewport: { width: ancho, height: 900 } })).newPage();
    await iniciarSesion(page, "admin@demo.bo");
    await page.goto("/admin/reglas");
    await expect(page.getByText("≥ 168 h: 100 % · ≥ 72 h: 70 % · ≥ 24 h: 50 % · ≥ 0 h: 0 %").first()).toBeVisible();
    await expect(page.getByText("Bs 25.00, hasta 24 h antes")).toBeVisible();
    await page.goto("/admin/reglas/nueva");
    await page.getByLabel("Tipo").selectOption("POLITICA_CANCELACION");
    await page.getByLabel("Nombre").fill(`Política de prueba ${ancho}`);
    await page.getByLabel("Mensaje cuando la política no lo permite").fill("No se puede cancelar esta reserva");
    await expect(page.getByRole("list", { name: "Tramos" }).getByRole("listitem")).toHaveCount(4);
    await page.getByRole("button", { name: "Agregar tramo" }).click();
    await page.getByLabel("Tramo 5: desde (horas antes)").fill("72");
    await page.locator("#tramos\\.4\\.valor").fill("80");
    await page.getByRole("checkbox", { name: "Activa" }).uncheck();
    await page.getByRole("button", { name: "Crear regla" }).click();
    await expect(page.locator("#tramos\\.4\\.desde_horas-error")).toHaveText("Ya hay un tramo desde 72 horas: los tramos no pueden superponerse");
    await revisarPagina(page, testInfo, "politica-tramos", ancho);
    await page.getByRole("button", { name: "Quitar el tramo 5" }).click();
    await page.getByRole("button", { name: "Crear regla" }).click();
    await expect(page).toHaveURL(/\/admin\/reglas$/);
    await expect(page.getByText(`Política de prueba ${ancho}`)).toBeVisible();

    // One cancellation of its own, so the period has one to count.
    const cliente = await clienteNuevo("Nora");
    const id = await reservaDirecta(cliente.id, new Date(Date.now() + 200 * HORA));
    const api = await apiComo(cliente.email);
    const { cotizacion } = await (await api.get(`/api/reservas/${id}/cancelacion/`)).json();
    expect((await api.post(`/api/reservas/${id}/cancelar/`, { data: { cotizacion, motivo: MOTIVO } })).status()).toBe(200);
    await page.goto("/admin/metricas");
    await expect(page.getByTestId("salidas")).toContainText("Cancelaciones");
    await revisarPagina(page, testInfo, "metricas-salidas", ancho);
    const admin = await apiComo("admin@demo.bo");
    const m = await (await admin.get("/api/metricas/notificaciones/")).json();
    expect(m.salidas_y_cambios.cancelaciones).toBeGreaterThan(0);
  });
}

test("§4 de la reserva de 12 horas de la demo: solo lo que sus reglas permiten, con las cifras que la cancelación aplica; el .ics de la cancelación es METHOD:CANCEL", async () => {
  const demo = await apiComo("cliente@demo.bo");
  const { reservas } = await (await demo.get("/api/reservas/?por_pagina=50")).json();
  const doceHoras = reservas.find((r: { destino: string }) => r.destino === "Salar de Uyuni");
  const cuatro = await (await demo.get(`/api/reservas/${doceHoras.id}/puede-reprogramar/`)).json();
  expect(cuatro.puede_reprogramar).toBe(false);
  // 12 h before the start: no refund tier reached, the transfer deadline (24 h) passed.
  expect(cuatro.alternativas_sugeridas.map((a: { accion: string }) => a.accion)).toEqual(["CANCELAR", "CONTACTAR_SOPORTE"]);
  const cancelar = cuatro.alternativas_sugeridas[0];
  const quote = await (await demo.get(cancelar.endpoint)).json();
  expect([cancelar.porcentaje_reembolso, cancelar.monto_reembolso]).toEqual([quote.porcentaje_reembolso, quote.monto_reembolso]);
  expect(cancelar).toMatchObject({ opcion: "Cancelación sin reembolso", porcentaje_reembolso: 0, monto_reembolso: "0.00" });

  // The same booking for a client of its own (the demo's is left for the other specs): cancelling applies exactly those figures.
  const cliente = await clienteNuevo("Elsa");
  const id = await reservaDirecta(cliente.id, new Date(doceHoras.fecha_inicio), { total: doceHoras.total });
  const api = await apiComo(cliente.email);
  const suya = await (await api.get(`/api/reservas/${id}/puede-reprogramar/`)).json();
  expect(suya.alternativas_sugeridas).toEqual(cuatro.alternativas_sugeridas.map((a: { endpoint?: string }) => (a.endpoint ? { ...a, endpoint: a.endpoint.replace(`/${doceHoras.id}/`, `/${id}/`) } : a)));
  const { cotizacion } = await (await api.get(`/api/reservas/${id}/cancelacion/`)).json();
  const hecha = await (await api.post(`/api/reservas/${id}/cancelar/`, { data: { cotizacion, motivo: MOTIVO } })).json();
  expect([hecha.reembolso.porcentaje, hecha.reembolso.monto]).toEqual([cancelar.porcentaje_reembolso, cancelar.monto_reembolso]);

  await correoPara(cliente.email, new RegExp(`^Tu reserva #${id} fue cancelada$`));
  const { rows } = await db().query<{ adjuntos: { nombre: string; contenido: string }[] }>("SELECT adjuntos FROM correo_desarrollo WHERE para = $1 ORDER BY id DESC LIMIT 1", [cliente.email]);
  const vevent = new ICAL.Component(ICAL.parse(rows[0].adjuntos[0].contenido));
  expect(vevent.getFirstPropertyValue("method")).toBe("CANCEL");
  expect(vevent.getFirstSubcomponent("vevent")!.getFirstPropertyValue("uid")).toMatch(new RegExp(`^reserva-${id}@`));
});
