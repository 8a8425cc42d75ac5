// axe-core and screenshots at phone and desktop widths of the account pages: people admin (list,
// new, one person with its audit), the invitation and recovery pages with a refused password, the
// sign-in link request, the manage-link landing, the login page and the profile.
import { expect, request, test } from "@playwright/test";
import { apiComo, db, diaHabil, reservaDirecta } from "./api-helpers";
import { iniciarSesion, revisarPagina } from "./helpers";

const ANCHOS = [390, 1280];
const BASE = () => process.env.BASE_URL ?? "http://localhost:3000";

async function enlace(para: string, ruta: string) {
  const patron = new RegExp(`/${ruta}/[A-Za-z0-9_-]{24}`);
  for (const hasta = Date.now() + 15_000; Date.now() < hasta; await new Promise((r) => setTimeout(r, 150))) {
    const { rows } = await db().query<{ texto: string }>("SELECT texto FROM correo_desarrollo WHERE lower(para) = lower($1) ORDER BY id DESC", [para]);
    const con = rows.find((c) => patron.test(c.texto));
    if (con) return patron.exec(con.texto)![0];
  }
  throw new Error(`sin enlace /${ruta}/ para ${para}`);
}

for (const ancho of ANCHOS) {
  test(`páginas de cuentas sin violaciones graves de accesibilidad a ${ancho} px`, async ({ browser }, testInfo) => {
    // Fourteen pages, each with axe and a full-page screenshot, on a loaded 2-core runner.
    test.setTimeout(150_000);
    const admin = await apiComo("admin@demo.bo");
    const sufijo = Math.random().toString(36).slice(2, 8);
    const operador = await (await admin.post("/api/admin/usuarios/", { data: { nombre: "Daniela", apellido: "Vargas Llanos", email: `daniela.${sufijo}@agencia-de-viajes-larga.bo`, rol: "OPERADOR", departamento: "Ventas" } })).json();
    await admin.patch(`/api/admin/usuarios/${operador.id}/`, { data: { departamento: "Atención al cliente", telefono: "71234567" } });
    const cliente = await (await admin.post("/api/admin/usuarios/", { data: { nombre: "Rosa", apellido: "Choque", email: `rosa.${sufijo}@prueba.bo`, rol: "CLIENTE" } })).json();

    const vista = { viewport: { width: ancho, height: 900 } };
    const page = await (await browser.newContext(vista)).newPage();
    await iniciarSesion(page, "admin@demo.bo");
    await page.goto("/admin/usuarios");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Usuarios");
    await revisarPagina(page, testInfo, "usuarios", ancho);
    await page.goto(`/admin/usuarios?q=${sufijo}&activo=true`);
    await expect(page.getByTestId(`usuario-${operador.id}`)).toContainText("OperadorInvitación pendiente");
    await page.goto("/admin/usuarios/nuevo");
    await page.getByRole("button", { name: "Crear usuario" }).click();
    await expect(page.locator("#nombre-error")).toBeVisible();
    await revisarPagina(page, testInfo, "usuario-nuevo", ancho);
    await page.goto(`/admin/usuarios/${operador.id}`);
    await expect(page.getByTestId("auditoria-usuario")).toContainText("Departamento: Ventas → Atención al cliente");
    await revisarPagina(page, testInfo, "usuario", ancho);
    await page.getByRole("button", { name: "Desactivar" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await revisarPagina(page, testInfo, "usuario-confirmar", ancho);
    await page.getByRole("button", { name: "Cancelar" }).click();
    await page.goto("/perfil");
    await revisarPagina(page, testInfo, "perfil", ancho);

    const anonima = await (await browser.newContext(vista)).newPage();
    await anonima.goto("/login");
    await revisarPagina(anonima, testInfo, "login", ancho);
    await anonima.goto(await enlace(operador.email, "invitacion"));
    await anonima.getByLabel("Contraseña", { exact: true }).fill("password123");
    await anonima.getByLabel("Repita la contraseña").fill("password123");
    await anonima.getByRole("button", { name: "Guardar y continuar" }).click();
    await expect(anonima.locator("#password-error")).toBeVisible();
    await revisarPagina(anonima, testInfo, "invitacion", ancho);
    await anonima.goto("/recuperar");
    await anonima.getByLabel("Correo electrónico").fill(cliente.email);
    await anonima.getByRole("button", { name: "Enviar enlace" }).click();
    await expect(anonima.locator("main").getByRole("status")).toContainText("Si el correo corresponde");
    await revisarPagina(anonima, testInfo, "recuperar", ancho);
    await anonima.goto(await enlace(cliente.email, "recuperar"));
    await revisarPagina(anonima, testInfo, "recuperar-enlace", ancho);
    await anonima.goto("/acceso");
    await revisarPagina(anonima, testInfo, "acceso", ancho);

    const reserva = await reservaDirecta(cliente.id, diaHabil(185));
    const operadorDemo = await apiComo("operador@demo.bo");
    await operadorDemo.post(`/api/reservas/${reserva}/reprogramar/`, { data: { nueva_fecha: diaHabil(188).toISOString(), motivo: "Cambio pedido por teléfono" } });
    await anonima.goto(await enlace(cliente.email, "gestionar"));
    await expect(anonima.getByRole("button", { name: "Continuar" })).toBeVisible();
    await revisarPagina(anonima, testInfo, "gestionar", ancho);
    expect((await anonima.goto("/gestionar/AAAAAAAAAAAAAAAAAAAAAAAA"))?.status()).toBe(404);
    await revisarPagina(anonima, testInfo, "enlace-desconocido", ancho);
    await (await request.newContext({ baseURL: BASE() })).dispose();
  });
}
