import { expect, test } from "@playwright/test";
import { db } from "./api-helpers";
import { iniciarSesion } from "./helpers";

const CUENTAS = [
  { email: "cliente@demo.bo", inicio: "/reservas", titulo: "Mis reservas", nombre: "Juan Pérez" },
  { email: "vip@demo.bo", inicio: "/reservas", titulo: "Mis reservas", nombre: "Ana Quispe" },
  { email: "operador@demo.bo", inicio: "/soporte", titulo: "Panel de soporte", nombre: "María Mamani" },
  { email: "admin@demo.bo", inicio: "/admin", titulo: "Administración", nombre: "Carlos Rojas" },
];

for (const cuenta of CUENTAS) {
  test(`${cuenta.email} inicia sesión y llega a ${cuenta.inicio}`, async ({ page }) => {
    await iniciarSesion(page, cuenta.email);
    await expect(page).toHaveURL(new RegExp(`${cuenta.inicio}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(cuenta.titulo);
    await expect(page.getByTestId("usuario-actual")).toContainText(cuenta.nombre);
  });
}

test("el cliente ve solo sus propias reservas, con fecha en la zona de la agencia y monto en bolivianos", async ({ page }) => {
  const ajenas = await db().query("SELECT r.id FROM reserva r JOIN usuario u ON u.id = r.usuario_id WHERE u.email = 'vip@demo.bo'");
  await iniciarSesion(page, "cliente@demo.bo");
  await expect(page.locator("[data-testid^=reserva-]").first()).toBeVisible();
  expect(ajenas.rows.length).toBeGreaterThan(0);
  for (const { id } of ajenas.rows) await expect(page.getByTestId(`reserva-${id}`)).toHaveCount(0);
  await expect(page.getByText("Fechas y horas en hora de America/La_Paz.")).toBeVisible();
  await expect(page.getByText("Bs 2.400,00").first()).toBeVisible();
  await page.getByRole("link", { name: "Cusco y Machu Picchu" }).first().click();
  await expect(page.getByText("Vuelo La Paz – Cusco, ida y vuelta").first()).toBeVisible();
  // Someone else's reservation is the same 404 as a missing one.
  expect((await page.goto(`/reservas/${ajenas.rows[0].id}`))?.status()).toBe(404);
});

test("una contraseña incorrecta muestra un error y no inicia sesión", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Correo electrónico").fill("cliente@demo.bo");
  await page.getByLabel("Contraseña").fill("incorrecta");
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Correo" })).toHaveText("Correo o contraseña incorrectos.");
  await expect(page).toHaveURL(/\/login/);
});

test("un cliente que abre /admin es rechazado", async ({ page }) => {
  await iniciarSesion(page, "cliente@demo.bo");
  const respuesta = await page.goto("/admin");
  expect(respuesta?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Acceso denegado" })).toBeVisible();
  await expect(page.getByText("Reglas de reprogramación")).toHaveCount(0);
});

test("sin sesión, una página protegida lleva al login y vuelve después de ingresar", async ({ page }) => {
  await page.goto("/soporte");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsoporte/);
  await page.getByLabel("Correo electrónico").fill("operador@demo.bo");
  await page.getByLabel("Contraseña").fill("demo1234");
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).toHaveURL(/\/soporte$/);
});

test("cerrar sesión vuelve al login y protege de nuevo las páginas", async ({ page }) => {
  await iniciarSesion(page, "operador@demo.bo");
  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/soporte");
  await expect(page).toHaveURL(/\/login/);
});

test("la API sin sesión responde 401 en JSON", async ({ request }) => {
  for (const ruta of ["/api/reservas/", "/api/reservas", "/api/reservas/1/reprogramar/"]) {
    const respuesta = await request.get(ruta);
    expect(respuesta.status(), ruta).toBe(401);
    expect(respuesta.headers()["content-type"]).toContain("application/json");
    expect(await respuesta.json()).toEqual({ detail: "Debe iniciar sesión para continuar.", error_code: "NO_AUTENTICADO" });
  }
});
