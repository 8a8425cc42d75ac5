// Support's workspace against the production build: search → reservation → reschedule on the
// client's behalf with a discount, priority and an internal note; what the client sees; the
// 50 % limit in the form; accessibility of both pages at phone and desktop widths.
import { expect, test, type Page } from "@playwright/test";
import { clienteNuevo, db, diaHabil, reservaDirecta } from "./api-helpers";
import { iniciarSesion, revisarPagina } from "./helpers";

async function elegirDiaPermitido(page: Page) {
  await page.locator('button[data-permitido="true"]').first().click();
  await expect(page.getByText("Puede reprogramar a esta fecha")).toBeVisible();
}

const historial = async (reservaId: number) => (await db().query("SELECT * FROM historial_reprogramacion WHERE reserva_id = $1", [reservaId])).rows;

test("el operador busca por parte del nombre, reprograma con 10 % de descuento, prioridad ALTA y nota interna; el cliente ve fecha y total, no la nota", async ({ page, browser }) => {
  const cliente = await clienteNuevo("Gregoria");
  const id = await reservaDirecta(cliente.id, diaHabil(21));
  await iniciarSesion(page, "operador@demo.bo");
  await page.goto("/soporte");

  // The search box has focus on load; typing filters; Enter opens the first result.
  const buscar = page.getByLabel("Cliente, correo, destino o n.º de reserva");
  await expect(buscar).toBeFocused();
  await page.keyboard.type(`gregor ${cliente.email.slice(8, 14)}`);
  await expect(page.getByTestId("resultados").locator("[data-resultado]")).toHaveCount(1);
  await expect(page).toHaveURL(/\?q=gregor/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/soporte/reservas/${id}$`));
  await expect(page.getByRole("heading", { name: `Reserva #${id} · Destino de prueba` })).toBeVisible();
  await expect(page.getByText(cliente.email).first()).toBeVisible();

  await elegirDiaPermitido(page);
  await page.getByLabel("Motivo", { exact: true }).fill("El cliente llamó: cambio de vuelo");
  await page.getByLabel("Aplicar descuento").check();
  await page.getByLabel("Porcentaje de descuento").fill("10");
  await expect(page.getByTestId("vista-descuento")).toHaveText("Descuento: Bs 240,00 · Nuevo total: Bs 2.160,00 (antes Bs 2.400,00)");
  await page.getByLabel("Prioridad").selectOption("ALTA");
  await page.getByLabel("Notas internas").fill("Ofrecer upgrade de hotel si vuelve a llamar");
  await page.getByRole("button", { name: "Revisar y confirmar" }).click();
  const dialogo = page.getByRole("dialog", { name: "Confirme la reprogramación" });
  await expect(dialogo).toContainText("10 % = Bs 240,00 · Nuevo total: Bs 2.160,00");
  await expect(dialogo).toContainText("ALTA");
  await dialogo.getByRole("button", { name: "Confirmar reprogramación" }).click();

  await expect(page).toHaveURL(new RegExp(`/soporte/reservas/${id}\\?reprogramada=\\d+`));
  await expect(page.getByText("Reprogramación registrada")).toBeVisible();
  await expect(page.getByTestId("total")).toHaveText("Bs 2.160,00");
  const entrada = page.getByTestId("entrada-historial");
  await expect(entrada).toHaveCount(1);
  await expect(entrada.getByTestId("nota-interna")).toContainText("Ofrecer upgrade de hotel si vuelve a llamar");
  await expect(entrada).toContainText("Prioridad ALTA");
  await expect(entrada).toContainText("Descuento: 10% (Bs 240,00)");
  // Every delivery of the reschedule, as it really stands.
  await expect(entrada.locator(`[data-testid=entrega][data-destinatario="${cliente.email}"]`)).toHaveAttribute("data-estado", "ENVIADA", { timeout: 15_000 });

  const [fila] = await historial(id);
  expect(fila).toMatchObject({ tipo: "OPERADOR_ASISTIDO", prioridad: "ALTA", observaciones_internas: "Ofrecer upgrade de hotel si vuelve a llamar", total_nuevo: "2160.00" });
  const correos = await db().query("SELECT asunto, texto FROM correo_desarrollo WHERE para = $1", [cliente.email]);
  expect(correos.rows).toHaveLength(1);
  const plantilla = await db().query("SELECT plantilla FROM entrega_notificacion WHERE historial_id = $1 AND destinatario = $2", [fila.id, cliente.email]);
  expect(plantilla.rows[0].plantilla).toBe("reprogramacion_con_descuento");
  expect(correos.rows[0].texto).toContain("240,00");

  // The client, in their own browser: new date and total, never the internal note.
  const vista = await (await browser.newContext()).newPage();
  await iniciarSesion(vista, cliente.email);
  await vista.goto(`/reservas/${id}`);
  await expect(vista.getByText("Bs 2.160,00").first()).toBeVisible();
  await expect(vista.getByTestId("historial-nueva")).toHaveText(await page.getByTestId("fecha-actual").innerText());
  await expect(vista.getByText("Ofrecer upgrade de hotel")).toHaveCount(0);
  await expect(vista.getByText("Prioridad ALTA")).toHaveCount(0);
});

test("un descuento de 60 % lo rechaza el formulario con el mensaje del contrato y no llega a la base", async ({ page }) => {
  const cliente = await clienteNuevo("Ramiro");
  const id = await reservaDirecta(cliente.id, diaHabil(23));
  await iniciarSesion(page, "operador@demo.bo");
  await page.goto(`/soporte/reservas/${id}`);
  await elegirDiaPermitido(page);
  await page.getByLabel("Motivo", { exact: true }).fill("Compensación por un error nuestro");
  await page.getByLabel("Aplicar descuento").check();
  await page.getByLabel("Porcentaje de descuento").fill("60");
  await page.getByRole("button", { name: "Revisar y confirmar" }).click();
  await expect(page.getByText("Descuento superior al 50% requiere aprobación especial: solo un administrador puede aplicarlo.")).toBeVisible();
  await expect(page.getByLabel("Porcentaje de descuento")).toBeFocused();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(await historial(id)).toHaveLength(0);
});

test("un administrador, en la misma página, omite el tiempo mínimo con una razón y otorga un cupón", async ({ page }) => {
  const cliente = await clienteNuevo("Hugo");
  const id = await reservaDirecta(cliente.id, new Date(Date.now() + 12 * 3_600_000));
  await iniciarSesion(page, "admin@demo.bo");
  await page.goto(`/soporte/reservas/${id}`);
  await expect(page.getByText("Fuera de las reglas")).toBeVisible();
  await page.getByLabel("Fecha (America/La_Paz)").fill(new Date(diaHabil(36).getTime() - 4 * 3_600_000).toISOString().slice(0, 10));
  await expect(page.getByTestId("regla-TIEMPO_MINIMO")).toHaveAttribute("data-cumple", "false");
  await page.getByLabel("Motivo", { exact: true }).fill("Cierre del hotel por obras");
  await page.getByLabel("Tiempo mínimo de anticipación").check();
  await page.getByLabel("Razón para omitir las reglas").fill("Fuerza mayor: el hotel cerró");
  await page.getByLabel("Valor de cada cupón (BOB)").fill("150.00");
  await page.getByRole("button", { name: "Revisar y confirmar" }).click();
  const dialogo = page.getByRole("dialog");
  await expect(dialogo).toContainText("TIEMPO_MINIMO");
  await expect(dialogo).toContainText("1 × Bs 150,00");
  await dialogo.getByRole("button", { name: "Confirmar reprogramación" }).click();
  await expect(page).toHaveURL(/\?reprogramada=\d+/);
  const [fila] = await historial(id);
  expect(fila).toMatchObject({ tipo: "ADMINISTRATIVA" });
  expect(fila.reglas_bypass).toMatchObject([{ regla: "TIEMPO_MINIMO", razon: "Fuerza mayor: el hotel cerró", autorizado_por: "admin@demo.bo" }]);
  const cupones = await db().query("SELECT valor FROM cupon WHERE historial_id = $1", [fila.id]);
  expect(cupones.rows).toEqual([{ valor: "150.00" }]);
});


for (const ancho of [390, 1280]) {
  test(`soporte sin violaciones graves de accesibilidad a ${ancho} px`, async ({ browser }, testInfo) => {
    const cliente = await clienteNuevo("Delia");
    const id = await reservaDirecta(cliente.id, diaHabil(25));
    const page = await (await browser.newContext({ viewport: { width: ancho, height: 900 } })).newPage();
    await iniciarSesion(page, "operador@demo.bo");
    await page.goto(`/soporte?q=${encodeURIComponent(cliente.email)}`);
    await expect(page.getByTestId("resultados").locator("[data-resultado]")).toHaveCount(1);
    await revisarPagina(page, testInfo, "soporte", ancho);
    await page.goto(`/soporte/reservas/${id}`);
    await elegirDiaPermitido(page);
    await page.getByLabel("Aplicar descuento").check();
    await page.getByLabel("Porcentaje de descuento").fill("5");
    await revisarPagina(page, testInfo, "soporte-reserva", ancho);
  });
}
