// The support panel on the built-in feed (SSE over LISTEN/NOTIFY), in Chromium against the
// production server: a client's reschedule appears within 2 s and the unread badge moves.
import { expect, test } from "@playwright/test";
import { apiComo, diaHabil, idDeUsuario, reservaDirecta } from "./api-helpers";
import { iniciarSesion } from "./helpers";

test.describe.configure({ mode: "serial" });

test("el panel muestra la reprogramación de un cliente en menos de 2 s y el contador sube y baja", async ({ page }) => {
  await iniciarSesion(page, "operador@demo.bo");
  await page.goto("/soporte");
  await expect(page.getByTestId("estado-conexion")).toHaveText(/En vivo/);
  const badge = page.getByTestId("no-leidas");
  const antes = Number(await badge.textContent());

  const cliente = await apiComo("cliente@demo.bo");
  const id = await reservaDirecta(await idDeUsuario("cliente@demo.bo"), diaHabil(220));
  const r = await cliente.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: diaHabil(222).toISOString(), motivo: "Cambio por viaje de trabajo" } });
  expect(r.status()).toBe(200);
  const inicio = Date.now();
  const item = page.getByTestId(`notificacion-${id}`);
  await expect(item).toBeVisible({ timeout: 2000 });
  const latencia = Date.now() - inicio;
  console.log(`Reprogramación visible en el panel ${latencia} ms después de la respuesta 200`);
  expect(latencia).toBeLessThan(2000);
  await expect(item).toContainText("Juan Pérez");
  await expect(item).toContainText("Cambio por viaje de trabajo");
  await expect(page.locator("[data-sonner-toast].aviso-en-vivo")).toContainText(`Reserva #${id}: Juan Pérez reprogramó su reserva`);
  await expect(badge).toHaveText(String(antes + 1));

  await item.getByRole("button", { name: "Marcar como leída" }).click();
  await expect(badge).toHaveText(String(antes));
  await expect(item).toHaveAttribute("data-leida", "true");

  await item.getByRole("button", { name: "Marcar como no leída" }).click();
  await expect(badge).toHaveText(String(antes + 1));
  await page.getByRole("button", { name: "Marcar todas como leídas" }).click();
  await expect(badge).toHaveText("0");
  await page.reload();
  await expect(page.getByTestId("no-leidas")).toHaveText("0");
});

test("el buzón de desarrollo muestra el correo al cliente y el historial queda notificado", async ({ page }) => {
  const cliente = await apiComo("cliente@demo.bo");
  const id = await reservaDirecta(await idDeUsuario("cliente@demo.bo"), diaHabil(225));
  await cliente.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: diaHabil(227).toISOString(), motivo: "Cambio de fecha por salud" } });

  await expect(async () => {
    const [h] = await (await cliente.get(`/api/reservas/${id}/historial-reprogramacion/`)).json();
    expect(h.estado_notificacion).toMatchObject({ cliente_notificado: true, email_enviado: true, push_enviado: true });
  }).toPass({ timeout: 10_000 });

  await iniciarSesion(page, "operador@demo.bo");
  await page.goto("/dev/correos");
  await page.getByRole("link", { name: new RegExp(`Tu reserva #${id} ha sido reprogramada`) }).click();
  const correo = page.frameLocator('iframe[title="Vista del correo"]');
  await expect(correo.getByText("Hola Juan Pérez,")).toBeVisible();
  await expect(correo.getByText("Cambio de fecha por salud")).toBeVisible();
  // The client's own manage link, minted for this email.
  await expect(correo.getByRole("link", { name: "Gestionar mi reserva" })).toHaveAttribute("href", /\/gestionar\/[A-Za-z0-9_-]{24}$/);
});

test("un cliente no puede abrir el buzón ni el panel", async ({ page }) => {
  await iniciarSesion(page, "cliente@demo.bo");
  expect((await page.goto("/dev/correos"))?.status()).toBe(403);
  expect((await page.goto("/soporte"))?.status()).toBe(403);
});
