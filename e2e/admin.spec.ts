// Admins in the browser, against the production build: the rule editor (create with validity and a
// minimum level and see it decide in a VIP client's calendar, a local holiday, on/off, delete with
// confirmation, field errors), a day's capacity, and an administrative reschedule with coupons.
import { expect, test, type Page } from "@playwright/test";
import { feriadoNacional } from "../lib/reprogramacion/feriados";
import { aLaHora, apiComo, clienteNuevo, db, diaHabil, diaLocal, idDeUsuario, reservaDirecta } from "./api-helpers";
import { antesDeHidratar, iniciarSesion, revisarPagina } from "./helpers";

test.describe.configure({ mode: "serial" });

async function diaDelCalendario(page: Page, fecha: string) {
  const boton = page.locator(`button[data-fecha="${fecha}"]`);
  const mes = async () => (await page.locator("button[data-fecha]").first().getAttribute("data-fecha"))!.slice(0, 7);
  for (let i = 0; i < 4 && !(await boton.isVisible()); i++)
    await page.getByRole("button", { name: fecha.slice(0, 7) > (await mes()) ? "Ir al mes siguiente" : "Ir al mes anterior" }).click();
  return boton;
}

/** A weekday, not a holiday, `dias` days from today. */
function diaEntreSemana(dias: number): string {
  for (let d = dias; ; d++) {
    const dia = diaLocal(aLaHora(d, 12));
    if (![0, 6].includes(new Date(`${dia}T12:00:00Z`).getUTCDay()) && !feriadoNacional(dia)) return dia;
  }
}

/** A working day from about `desde` days ahead with no bookings and no capacity of its own. */
async function diaSinReservas(desde: number): Promise<string> {
  for (let d = desde; ; d += 2) {
    const dia = diaLocal(diaHabil(d));
    const { rows } = await db().query(
      "SELECT (SELECT count(*) FROM reserva WHERE to_char(fecha_inicio AT TIME ZONE 'America/La_Paz', 'YYYY-MM-DD') = $1)::int + (SELECT count(*) FROM capacidad_fecha WHERE fecha = $1::date)::int AS n",
      [dia],
    );
    if (rows[0].n === 0) return dia;
  }
}

test("reglas: crear una regla VIP con vigencia y nivel mínimo que decide en el calendario del cliente VIP; apagar, encender y eliminar", async ({ page, browser }) => {
  await iniciarSesion(page, "admin@demo.bo");
  await page.goto("/admin/reglas");
  await page.getByRole("link", { name: "Nueva regla" }).click();

  // Field errors next to their fields, from the API's schema.
  await page.getByLabel("Nombre").fill("X");
  await page.getByLabel("Horas de anticipación").fill("muchas");
  await page.getByRole("button", { name: "Crear regla" }).click();
  await expect(page.locator("#nombre-error")).toHaveText("Mínimo 3 caracteres");
  await expect(page.locator("#valor_numerico-error")).toHaveText("Debe ser un número entero mayor a 0");
  await expect(page.locator("#mensaje_error-error")).toBeVisible();
  await expect(page.getByLabel("Nombre")).toBeFocused();

  const hoy = diaLocal(aLaHora(0, 12));
  const enUnAnio = diaLocal(aLaHora(365, 12));
  await page.getByLabel("Nombre").fill("Anticipación VIP 72 h");
  await page.getByLabel("Se aplica a").selectOption("CLIENTE");
  await page.getByLabel("Horas de anticipación").fill("72");
  await page.getByLabel("Prioridad").fill("0");
  await page.getByLabel("Mensaje para quien no cumple la regla").fill("Los clientes VIP reprograman con 72 horas de anticipación");
  await page.getByLabel("Desde").fill(hoy);
  await page.getByLabel("Hasta (incluido)").fill(enUnAnio);
  await page.getByLabel("Solo clientes VIP").check();
  await page.getByLabel("Nivel mínimo del cliente").selectOption("GOLD");
  await page.getByRole("button", { name: "Crear regla" }).click();
  await expect(page).toHaveURL(/\/admin\/reglas$/);
  const { rows } = await db().query("SELECT * FROM regla_reprogramacion WHERE nombre = 'Anticipación VIP 72 h'");
  expect(rows[0]).toMatchObject({ tipo_regla: "TIEMPO_MINIMO", aplicable_a: "CLIENTE", valor_numerico: 72, prioridad: 0, condiciones_extras: { solo_clientes_vip: true, nivel_minimo: "GOLD" } });
  const regla = page.getByTestId(`regla-${rows[0].id}`);
  await expect(regla.getByTestId("decision")).toContainText("Decide esta: prioridad 0");
  await expect(regla.getByTestId("decision")).toContainText("clientes VIP");

  // In vip@demo.bo's calendar, a weekday two days ahead is now too soon, with this rule's message.
  const vipId = await idDeUsuario("vip@demo.bo");
  const reservaVip = await reservaDirecta(vipId, diaHabil(30));
  const vip = await (await browser.newContext()).newPage();
  await iniciarSesion(vip, "vip@demo.bo");
  await vip.goto(`/reservas/${reservaVip}/reprogramar`);
  const pronto = await diaDelCalendario(vip, diaEntreSemana(2));
  await expect(pronto).toHaveAttribute("data-permitido", "false");
  await expect(pronto).toHaveAccessibleName(/Los clientes VIP reprograman con 72 horas de anticipación/);

  // Off: the seed's 12-hour VIP rule decides again and the day opens up. On again: closed.
  await page.getByRole("switch", { name: "Regla Anticipación VIP 72 h activa" }).click();
  await expect(page.getByRole("switch", { name: "Regla Anticipación VIP 72 h activa" })).toHaveAttribute("aria-checked", "false");
  await expect.poll(async () => (await db().query("SELECT activa FROM regla_reprogramacion WHERE id = $1", [rows[0].id])).rows[0].activa).toBe(false);
  await vip.reload();
  await expect(await diaDelCalendario(vip, diaEntreSemana(2))).toHaveAttribute("data-permitido", "true");
  await page.getByRole("switch", { name: "Regla Anticipación VIP 72 h activa" }).click();
  await expect.poll(async () => (await db().query("SELECT activa FROM regla_reprogramacion WHERE id = $1", [rows[0].id])).rows[0].activa).toBe(true);

  // Delete, after confirming.
  await regla.getByRole("button", { name: "Eliminar" }).click();
  const dialogo = page.getByRole("dialog", { name: "¿Eliminar la regla?" });
  await expect(dialogo).toContainText("Anticipación VIP 72 h");
  await dialogo.getByRole("button", { name: "Eliminar regla" }).click();
  await expect(page.getByTestId(`regla-${rows[0].id}`)).toHaveCount(0);
  expect((await db().query("SELECT 1 FROM regla_reprogramacion WHERE id = $1", [rows[0].id])).rowCount).toBe(0);
});

test("reglas: un feriado local agregado a la regla de días bloquea ese día en el calendario de un cliente", async ({ page, browser }) => {
  const cliente = await clienteNuevo("Nadia");
  const id = await reservaDirecta(cliente.id, diaHabil(20));
  const local = diaEntreSemana(34);
  const { rows } = await db().query("SELECT id FROM regla_reprogramacion WHERE nombre = 'Sin fines de semana'");
  await iniciarSesion(page, "admin@demo.bo");
  await page.goto(`/admin/reglas/${rows[0].id}`);
  await page.getByLabel("Feriados locales").fill(local);
  await page.getByRole("button", { name: "Agregar" }).click();
  await page.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(page).toHaveURL(/\/admin\/reglas$/);
  try {
    const vista = await (await browser.newContext()).newPage();
    await iniciarSesion(vista, cliente.email);
    await vista.goto(`/reservas/${id}/reprogramar`);
    const dia = await diaDelCalendario(vista, local);
    await expect(dia).toHaveAttribute("data-permitido", "false");
    await expect(dia).toContainText("Feriado");
    await expect(dia).toHaveAccessibleName(/Feriado: Feriado local/);
  } finally {
    await page.goto(`/admin/reglas/${rows[0].id}`);
    await page.getByRole("button", { name: `Quitar ${local}` }).click();
    await page.getByRole("button", { name: "Guardar cambios" }).click();
    await expect(page).toHaveURL(/\/admin\/reglas$/);
  }
  const { rows: despues } = await db().query("SELECT condiciones_extras FROM regla_reprogramacion WHERE id = $1", [rows[0].id]);
  expect(despues[0].condiciones_extras.incluir_feriados_locales ?? []).not.toContain(local);
});

test("capacidad: un día con cupo 1 aparece lleno en el calendario del cliente tras una reserva; no se baja por debajo de sus reservas", async ({ page, browser }) => {
  const dia = await diaSinReservas(30);
  const cliente = await clienteNuevo("Olga");
  const id = await reservaDirecta(cliente.id, diaHabil(26));
  await iniciarSesion(page, "admin@demo.bo");
  try {
    await page.goto(`/admin/capacidad?mes=${dia.slice(0, 7)}`);
    await page.locator(`button[data-fecha="${dia}"]`).click();
    await page.getByLabel("Lugares para ese día").fill("1");
    await page.getByRole("button", { name: "Guardar cupo" }).click();
    await expect(page.locator(`button[data-fecha="${dia}"]`)).toHaveAttribute("data-ocupacion", "0/1");

    const otro = await clienteNuevo("Pedro");
    await reservaDirecta(otro.id, new Date(`${dia}T15:00:00Z`));
    await page.reload();
    await expect(page.locator(`button[data-fecha="${dia}"]`)).toHaveAttribute("data-ocupacion", "1/1");
    await expect(page.locator(`button[data-fecha="${dia}"]`)).toHaveAttribute("data-nivel", "lleno");
    await page.locator(`button[data-fecha="${dia}"]`).click();
    await page.getByLabel("Lugares para ese día").fill("0");
    await page.getByRole("button", { name: "Guardar cupo" }).click();
    await expect(page.locator("#capacidad-dia-error")).toContainText(`El ${dia} ya tiene 1 reservas: la capacidad no puede ser menor a 1.`);

    const vista = await (await browser.newContext()).newPage();
    await iniciarSesion(vista, cliente.email);
    await vista.goto(`/reservas/${id}/reprogramar`);
    const boton = await diaDelCalendario(vista, dia);
    await expect(boton).toContainText("Lleno");
    await expect(boton).toHaveAccessibleName(/Sin lugares: 1 de 1 ocupados/);
  } finally {
    await db().query("DELETE FROM capacidad_fecha WHERE fecha = $1", [dia]);
  }
});

test("editor de reglas elegido antes de que cargue la página: el tipo y la casilla «Activa» se conservan y al guardar valen", async ({ page }) => {
  await iniciarSesion(page, "admin@demo.bo");
  const nombre = `Política antes de cargar ${Date.now()}`;
  await antesDeHidratar(page, "/admin/reglas/nueva", async () => {
    await page.getByLabel("Tipo").selectOption("POLITICA_CANCELACION");
    await page.getByRole("checkbox", { name: "Activa" }).uncheck();
  });
  // The editor for the chosen type appears once the page can react: its tiers come from the type's state.
  await expect(page.getByRole("list", { name: "Tramos" }).getByRole("listitem")).toHaveCount(4, { timeout: 15_000 });
  await page.getByLabel("Nombre").fill(nombre);
  await page.getByLabel("Mensaje cuando la política no lo permite").fill("No se puede cambiar esta reserva");
  await page.getByRole("button", { name: "Crear regla" }).click();
  await expect(page).toHaveURL(/\/admin\/reglas$/);
  const { rows } = await db().query("SELECT tipo_regla, activa FROM regla_reprogramacion WHERE nombre = $1", [nombre]);
  expect(rows).toEqual([{ tipo_regla: "POLITICA_CANCELACION", activa: false }]);
  await db().query("DELETE FROM regla_reprogramacion WHERE nombre = $1", [nombre]);
});

test("reprogramación administrativa con omisión de regla y 2 cupones: se ven los códigos y el correo del cliente los trae", async ({ page }) => {
  const cliente = await clienteNuevo("Raúl");
  const id = await reservaDirecta(cliente.id, new Date(Date.now() + 10 * 3_600_000));
  await iniciarSesion(page, "admin@demo.bo");
  await page.goto(`/soporte/reservas/${id}`);
  await page.getByLabel("Fecha (America/La_Paz)").fill(diaLocal(diaHabil(39)));
  // The live check waits for typing to settle and then asks the server: on a loaded 2-core runner that can take a few seconds.
  await expect(page.getByTestId("regla-TIEMPO_MINIMO")).toHaveAttribute("data-cumple", "false", { timeout: 15_000 });
  await page.getByLabel("Motivo", { exact: true }).fill("Cierre temporal del hotel");
  await page.getByLabel("Tiempo mínimo de anticipación").check();
  await page.getByLabel("Razón para omitir las reglas").fill("Fuerza mayor");
  await page.getByLabel("Valor de cada cupón (BOB)").fill("75.50");
  await page.getByLabel("Cantidad").fill("2");
  await page.getByLabel("Descripción del cupón").fill("Disculpas por el cambio");
  await page.getByLabel("Categoría").fill("MANTENIMIENTO");
  await page.getByLabel("Mensaje para el cliente").fill("Lamentamos el inconveniente.");
  await page.getByRole("button", { name: "Revisar y confirmar" }).click();
  await expect(page.getByRole("dialog")).toContainText("2 × Bs 75,50");
  await page.getByRole("dialog").getByRole("button", { name: "Confirmar reprogramación" }).click();
  await expect(page).toHaveURL(/\?reprogramada=\d+/);
  const codigos = (await db().query("SELECT c.codigo FROM cupon c JOIN historial_reprogramacion h ON h.id = c.historial_id WHERE h.reserva_id = $1 ORDER BY c.id", [id])).rows.map((r) => r.codigo);
  expect(codigos).toHaveLength(2);
  for (const codigo of codigos) await expect(page.getByTestId("cupones-generados")).toContainText(codigo);
  const { rows } = await db().query("SELECT categoria, observaciones_cliente FROM historial_reprogramacion WHERE reserva_id = $1", [id]);
  expect(rows[0]).toEqual({ categoria: "MANTENIMIENTO", observaciones_cliente: "Lamentamos el inconveniente." });
  await expect
    .poll(async () => (await db().query("SELECT texto FROM correo_desarrollo WHERE para = $1", [cliente.email])).rows[0]?.texto ?? "", { timeout: 15_000 })
    .toContain(codigos[0]);
  const { rows: correo } = await db().query("SELECT texto FROM correo_desarrollo WHERE para = $1", [cliente.email]);
  expect(correo[0].texto).toContain(codigos[1]);
});

test("masiva: 40 reservas a un día con cupo 30 — la prueba dice 30 y 10, la ejecución avanza hasta 100 %, 30 movidas y 10 FECHA_NO_DISPONIBLE, CSV de 40 filas", async ({ page }) => {
  const cliente = await clienteNuevo("Masiva");
  const ids: number[] = [];
  for (let i = 0; i < 40; i++) ids.push(await reservaDirecta(cliente.id, diaHabil(110, 8 + (i % 10))));
  const destino = await diaSinReservas(50);
  await db().query("INSERT INTO capacidad_fecha (fecha, capacidad_maxima) VALUES ($1, 30) ON CONFLICT (fecha) DO UPDATE SET capacidad_maxima = 30", [destino]);
  try {
    await iniciarSesion(page, "admin@demo.bo");
    await page.goto(`/admin/reprogramaciones?q=${encodeURIComponent(cliente.email)}`);
    await expect(page.getByRole("heading", { name: "Reservas (40 de 40 elegidas)" })).toBeVisible();
    await page.getByLabel("Día", { exact: true }).fill(destino);
    await page.getByLabel("Motivo", { exact: true }).fill("Cierre del hotel por remodelación");
    await page.getByRole("button", { name: "Probar sin cambios" }).click();
    await expect(page.getByTestId("pasarian")).toHaveText("30");
    await expect(page.getByTestId("fallarian")).toHaveText("10");
    await expect(page.getByTestId("simulacion")).toContainText(`Capacidad del ${destino}: 0 de 30 ocupados, 30 libres.`);
    await expect(page.getByTestId("simulacion").getByText("FECHA_NO_DISPONIBLE")).toHaveCount(10);
    expect((await db().query("SELECT count(*)::int AS n FROM historial_reprogramacion WHERE reserva_id = ANY($1)", [ids])).rows[0].n).toBe(0);

    await page.getByRole("button", { name: "Reprogramar 40 reservas" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Reprogramar ahora" }).click();
    await expect(page).toHaveURL(/\/admin\/reprogramaciones\/\d+$/);
    const barra = page.getByRole("progressbar");
    await expect(barra).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
    await expect(page.getByTestId("movidas")).toHaveText("30");
    await expect(page.getByTestId("rechazadas")).toHaveText("10");
    const tabla = page.getByTestId("resultado-lote");
    await expect(tabla.locator("tr[data-resultado=MOVIDA]")).toHaveCount(30);
    await expect(tabla.locator("tr[data-resultado=RECHAZADA]")).toHaveCount(10);
    await expect(tabla.locator("tr[data-resultado=RECHAZADA]").filter({ hasText: "FECHA_NO_DISPONIBLE" })).toHaveCount(10);

    const descarga = page.waitForEvent("download");
    await page.getByRole("link", { name: "Descargar resultado (CSV)" }).click();
    const csv = await (await (await descarga).createReadStream()).toArray().then((b) => Buffer.concat(b).toString("utf8"));
    const filas = csv.trim().split("\n");
    expect(filas[0]).toBe("reserva_id,resultado,error_code,detalle,fecha_anterior,fecha_nueva");
    expect(filas.slice(1)).toHaveLength(40);
    expect(filas.filter((f) => f.includes(",MOVIDA,"))).toHaveLength(30);
    expect(filas.filter((f) => f.includes(",RECHAZADA,FECHA_NO_DISPONIBLE,"))).toHaveLength(10);

    const { rows } = await db().query("SELECT to_char(fecha_inicio AT TIME ZONE 'America/La_Paz', 'YYYY-MM-DD') AS dia, count(*)::int AS n FROM reserva WHERE id = ANY($1) GROUP BY 1 ORDER BY 1", [ids]);
    expect(rows).toEqual(expect.arrayContaining([{ dia: destino, n: 30 }]));
    expect((await db().query("SELECT count(*)::int AS n FROM historial_reprogramacion WHERE reserva_id = ANY($1) AND tipo = 'ADMINISTRATIVA'", [ids])).rows[0].n).toBe(30);

    // The page can be left and the result found again.
    await page.goto("/admin/reprogramaciones");
    await page.getByRole("link", { name: /Ejecución #\d+/ }).first().click();
    await expect(page.getByTestId("movidas")).toHaveText("30");
  } finally {
    await db().query("DELETE FROM capacidad_fecha WHERE fecha = $1", [destino]);
  }
});

test("métricas: los gráficos del periodo traen en su tabla accesible las mismas cifras que la API", async ({ page }) => {
  const hoy = diaLocal(aLaHora(0, 12));
  const api = await apiComo("admin@demo.bo");
  const leerApi = async () => (await api.get(`/api/metricas/notificaciones/?desde=${hoy}&hasta=${hoy}`)).json();
  const tabla = (id: string) => page.$$eval(`[data-testid=tabla-${id}] tbody tr`, (filas) => filas.map((f) => [...f.children].map((c) => c.textContent)));
  const num = (n: number | null, d = 1) => (n === null ? "—" : n.toLocaleString("es-BO", { maximumFractionDigits: d }));
  const CANALES = [["email_cliente", "Correo al cliente"], ["email_admin", "Correo a admins"], ["sms", "SMS al cliente"], ["tiempo_real", "Panel en vivo"]] as const;
  await iniciarSesion(page, "admin@demo.bo");
  // Other specs keep rescheduling meanwhile: compare during a quiet moment (the API reads the same before and after the page).
  await expect(async () => {
    const m = await leerApi();
    await page.goto(`/admin/metricas?desde=${hoy}&hasta=${hoy}`);
    for (const id of ["tasa", "latencia", "errores", "volumen"]) await expect(page.getByTestId(`grafico-${id}`).locator("svg.recharts-surface").first()).toBeVisible();
    const [tasa, latencia, errores, volumen] = await Promise.all(["tasa", "latencia", "errores", "volumen"].map(tabla));
    expect(await leerApi()).toEqual(m);
    expect(m.total_reprogramaciones).toBeGreaterThan(0);
    expect(tasa).toEqual(CANALES.map(([c, e]) => [e, num(m.por_canal[c].tasa_entrega), String(m.por_canal[c].total)]));
    expect(latencia).toEqual(CANALES.map(([c, e]) => [e, num(m.por_canal[c].latencia_ms.p50 === null ? null : m.por_canal[c].latencia_ms.p50 / 1000, 2), num(m.por_canal[c].latencia_ms.p95 === null ? null : m.por_canal[c].latencia_ms.p95 / 1000, 2)]));
    expect(errores).toEqual(Object.entries(m.errores_por_tipo).map(([t, n]) => [t, String(n), String(m.entregas_fallidas_por_tipo[t] ?? 0)]));
    // Waiting-list offers of the day (other specs make some): the summary and the per-channel table.
    const o = m.ofertas_lista_espera;
    await expect(page.getByTestId("resumen-ofertas")).toHaveText(
      o.ofertas === 0 ? "No se ofrecieron lugares de la lista de espera en este periodo." : new RegExp(`^${o.ofertas} lugar(es)? ofrecidos?: ${o.aceptadas} aceptados, ${o.rechazadas} rechazados, ${o.vencidas} vencidos, ${o.retiradas} retirados y ${o.abiertas} abiertos`),
    );
    const avisosOfertas = await page.getByRole("table", { name: "Avisos de ofertas por canal" }).locator("tbody tr").evaluateAll((filas) => filas.map((f) => [...f.children].slice(0, 4).map((c) => c.textContent)));
    expect(avisosOfertas).toEqual([["Correo", o.por_canal.email], ["SMS", o.por_canal.sms]].map(([canal, c]) => [canal, String(c.total), String(c.enviadas), String(c.fallidas)]));
    expect(volumen).toEqual(m.volumen_por_dia.map((d: { fecha: string; reprogramaciones: number; correos_enviados: number; sms_enviados: number; eventos_enviados: number }) => [d.fecha, String(d.reprogramaciones), String(d.correos_enviados), String(d.sms_enviados), String(d.eventos_enviados)]));
  }).toPass({ timeout: 45_000 });
});

for (const ancho of [390, 1280]) {
  test(`páginas de administración sin violaciones graves de accesibilidad a ${ancho} px`, async ({ browser }, testInfo) => {
    // Nine pages, each with axe and a full-page screenshot: 57 s and then over 60 s on a loaded 2-core runner.
    test.setTimeout(150_000);
    const page = await (await browser.newContext({ viewport: { width: ancho, height: 900 } })).newPage();
    await iniciarSesion(page, "admin@demo.bo");
    const { rows } = await db().query("SELECT id FROM lote_reprogramacion ORDER BY id DESC LIMIT 1");
    const regla = (await db().query("SELECT id FROM regla_reprogramacion ORDER BY id LIMIT 1")).rows[0].id;
    const paginas: [string, string, (() => Promise<void>)?][] = [
      ["admin", "/admin"],
      ["admin-reglas", "/admin/reglas"],
      ["admin-regla-editar", `/admin/reglas/${regla}`],
      ["admin-regla-nueva-con-error", "/admin/reglas/nueva", async () => {
        await page.getByRole("button", { name: "Crear regla" }).click();
        await expect(page.locator("#nombre-error")).toBeVisible();
      }],
      ["admin-capacidad", "/admin/capacidad"],
      ["admin-configuracion", "/admin/configuracion"],
      ["admin-masiva", `/admin/reprogramaciones?q=${encodeURIComponent("Destino de prueba")}&estado=CONFIRMADA`],
      ...(rows.length ? [["admin-masiva-resultado", `/admin/reprogramaciones/${rows[0].id}`] as [string, string]] : []),
      ["admin-metricas", "/admin/metricas"],
    ];
    for (const [nombre, ruta, preparar] of paginas) {
      await page.goto(ruta);
      await preparar?.();
      await page.waitForLoadState("networkidle");
      await revisarPagina(page, testInfo, nombre, ancho);
    }
  });
}
