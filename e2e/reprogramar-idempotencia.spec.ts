// Retries never reschedule twice: the form's automatic retry after a lost response, and the API's
// Idempotency-Key sent twice, 20 times at once, and with another body. Plus the operator's panel
// seeing the client's form submission live.
import { expect, test, type Page } from "@playwright/test";
import { apiComo, clienteNuevo, db, diaHabil, diaLocal, reservaDirecta } from "./api-helpers";
import { iniciarSesion } from "./helpers";

async function elegirDiaPermitido(page: Page) {
  const dia = page.locator('button[data-permitido="true"]').first();
  await dia.click();
  await expect(page.getByText("Puede reprogramar a esta fecha")).toBeVisible();
}

async function confirmar(page: Page, motivo: string) {
  await page.getByLabel("Motivo", { exact: true }).fill(motivo);
  await page.getByRole("button", { name: "Revisar y confirmar" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirmar reprogramación" }).click();
}

async function filas(reservaId: number) {
  const historial = await db().query("SELECT id FROM historial_reprogramacion WHERE reserva_id = $1", [reservaId]);
  const reserva = await db().query("SELECT numero_reprogramaciones AS n, fecha_inicio FROM reserva WHERE id = $1", [reservaId]);
  return { historial: historial.rowCount, reprogramaciones: reserva.rows[0].n as number, fechaInicio: reserva.rows[0].fecha_inicio as Date };
}

test("la red se corta en el primer envío: el formulario reintenta y la reserva se mueve una sola vez, con un correo", async ({ page }) => {
  const cliente = await clienteNuevo("Elena");
  const id = await reservaDirecta(cliente.id, diaHabil(14));
  await iniciarSesion(page, cliente.email);
  await page.goto(`/reservas/${id}/reprogramar`);
  await elegirDiaPermitido(page);

  // The first submission reaches the server (which reschedules), then its response is lost.
  let cortes = 0;
  await page.route(`**/reservas/${id}/reprogramar`, async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"] && cortes === 0) {
      cortes++;
      await route.fetch();
      return route.abort("internetdisconnected");
    }
    return route.continue();
  });
  await confirmar(page, "Reunión movida por la empresa");
  await expect(page.getByText(/Reintentando…/).first()).toBeVisible();
  await expect(page).toHaveURL(/\/reprogramar\/listo\?historial=\d+/, { timeout: 15_000 });
  expect(cortes).toBe(1);

  expect(await filas(id)).toMatchObject({ historial: 1, reprogramaciones: 1 });
  await expect
    .poll(async () => (await db().query("SELECT count(*)::int AS n FROM correo_desarrollo WHERE para = $1", [cliente.email])).rows[0].n, { timeout: 15_000 })
    .toBe(1);
  await page.waitForTimeout(1000);
  expect((await db().query("SELECT count(*)::int AS n FROM correo_desarrollo WHERE para = $1", [cliente.email])).rows[0].n).toBe(1);
});

test("la misma Idempotency-Key dos veces y 20 a la vez da una sola reprogramación; con otro cuerpo es 409", async () => {
  const cliente = await clienteNuevo("Pablo");
  const api = await apiComo(cliente.email);
  const id = await reservaDirecta(cliente.id, diaHabil(16));
  const cuerpo = { nueva_fecha: diaHabil(19, 11).toISOString(), motivo: "Cambio de agenda familiar" };
  const clave = `prueba-${id}-a`;

  const primera = await api.post(`/api/reservas/${id}/reprogramar/`, { data: cuerpo, headers: { "Idempotency-Key": clave } });
  expect(primera.status()).toBe(200);
  const segunda = await api.post(`/api/reservas/${id}/reprogramar/`, { data: cuerpo, headers: { "Idempotency-Key": clave } });
  expect(segunda.status()).toBe(200);
  expect(segunda.headers()["idempotent-replayed"]).toBe("true");
  expect(await segunda.json()).toEqual(await primera.json());
  expect(await filas(id)).toMatchObject({ historial: 1, reprogramaciones: 1 });

  // Another body under the same key: refused, nothing changes.
  const antes = await filas(id);
  const otra = await api.post(`/api/reservas/${id}/reprogramar/`, { data: { ...cuerpo, motivo: "Otro motivo distinto" }, headers: { "Idempotency-Key": clave } });
  expect(otra.status()).toBe(409);
  expect(await otra.json()).toMatchObject({ error_code: "CLAVE_IDEMPOTENCIA_REUTILIZADA" });
  expect(await filas(id)).toEqual(antes);

  // 20 at once with a fresh key on another reservation: one reschedule, 20 identical answers.
  const otraReserva = await reservaDirecta(cliente.id, diaHabil(22));
  const cuerpo2 = { nueva_fecha: diaHabil(25, 9).toISOString(), motivo: "Feria en la ciudad" };
  const respuestas = await Promise.all(
    Array.from({ length: 20 }, () => api.post(`/api/reservas/${otraReserva}/reprogramar/`, { data: cuerpo2, headers: { "Idempotency-Key": `prueba-${otraReserva}-b` } })),
  );
  expect(respuestas.map((r) => r.status())).toEqual(Array(20).fill(200));
  const cuerpos = await Promise.all(respuestas.map((r) => r.json()));
  expect(new Set(cuerpos.map((c) => c.historial_id)).size).toBe(1);
  expect(respuestas.filter((r) => r.headers()["idempotent-replayed"] === "true")).toHaveLength(19);
  const final = await filas(otraReserva);
  expect(final).toMatchObject({ historial: 1, reprogramaciones: 1 });
  expect(diaLocal(final.fechaInicio)).toBe(diaLocal(diaHabil(25, 9)));

  // A malformed key is a 400 and changes nothing.
  const mala = await api.post(`/api/reservas/${otraReserva}/reprogramar/`, { data: cuerpo2, headers: { "Idempotency-Key": "con espacios" } });
  expect(mala.status()).toBe(400);
  expect(await mala.json()).toMatchObject({ error_code: "CLAVE_IDEMPOTENCIA_INVALIDA" });
});

test("el operador con /soporte abierto ve el aviso de la reprogramación hecha en el formulario en menos de 2 s", async ({ browser }) => {
  const cliente = await clienteNuevo("Sofía");
  const id = await reservaDirecta(cliente.id, diaHabil(18));
  const operador = await (await browser.newContext()).newPage();
  await iniciarSesion(operador, "operador@demo.bo");
  await operador.goto("/soporte");
  await expect(operador.getByTestId("estado-conexion")).toHaveText(/En vivo/);

  const pagina = await (await browser.newContext()).newPage();
  await iniciarSesion(pagina, cliente.email);
  await pagina.goto(`/reservas/${id}/reprogramar`);
  await elegirDiaPermitido(pagina);
  await confirmar(pagina, "Cambio de turno en el trabajo");
  const inicio = Date.now();
  const aviso = operador.locator("[data-sonner-toast].aviso-en-vivo", { hasText: `Reserva #${id}: Sofía Prueba reprogramó su reserva` });
  await expect(aviso).toBeVisible({ timeout: 2000 });
  console.log(`Aviso en el panel del operador ${Date.now() - inicio} ms después de confirmar`);
  await expect(pagina).toHaveURL(/\/reprogramar\/listo/);
});

test("GET /api/reservas/{id}/calendario/: 60 días por defecto, propia para el cliente, cualquiera para el personal, 401/404/400", async ({ playwright }) => {
  const cliente = await clienteNuevo("Tomás");
  const otro = await clienteNuevo("Julia");
  const id = await reservaDirecta(cliente.id, diaHabil(20));
  const api = await apiComo(cliente.email);
  const r = await api.get(`/api/reservas/${id}/calendario/`);
  expect(r.status()).toBe(200);
  const cal = await r.json();
  expect(cal).toMatchObject({ reserva_id: id, zona: "America/La_Paz", hora_local: "10:00" });
  expect(cal.dias).toHaveLength(60);
  expect(cal.dias.filter((d: { permitido: boolean }) => d.permitido).length).toBe(cal.dias_permitidos);
  expect(cal.dias.slice(3).find((d: { dia_semana: string }) => d.dia_semana === "DOMINGO")).toMatchObject({ permitido: false, motivos: [{ codigo: "DIA_BLACKOUT" }] });

  const operador = await apiComo("operador@demo.bo");
  expect((await operador.get(`/api/reservas/${id}/calendario/?desde=2027-03-01&hasta=2027-03-07`)).status()).toBe(200);
  expect((await (await apiComo(otro.email)).get(`/api/reservas/${id}/calendario/`)).status()).toBe(404);
  const anonimo = await playwright.request.newContext({ baseURL: process.env.BASE_URL });
  expect((await anonimo.get(`/api/reservas/${id}/calendario/`)).status()).toBe(401);
  for (const [consulta, codigo] of [["desde=2027-03-10&hasta=2027-03-01", "RANGO_INVALIDO"], ["desde=2027-01-01&hasta=2027-06-01", "RANGO_DEMASIADO_AMPLIO"], ["desde=mañana", "DATOS_INVALIDOS"], ["dias=5", "DATOS_INVALIDOS"]]) {
    const malo = await api.get(`/api/reservas/${id}/calendario/?${consulta}`);
    expect(malo.status(), consulta).toBe(400);
    expect((await malo.json()).error_code, consulta).toBe(codigo);
  }
});
