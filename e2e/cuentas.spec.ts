// People and access on the production build: invitations, deactivation, server-ended sessions,
// recovery without enumeration, the manage link, and the last admin. Emails are read from the
// development mailbox the worker fills.
import { expect, request, test, type APIRequestContext, type Browser } from "@playwright/test";
import { apiComo, db, diaHabil, idDeUsuario, reservaDirecta } from "./api-helpers";
import { conContrato } from "./contrato";
import { iniciarSesionApi, intentarSesionApi } from "./helpers";

const CONTRASENA = "Montaña-verde-lluvia-27";
const BASE = () => process.env.BASE_URL ?? "http://localhost:3000";
const unico = () => Math.random().toString(36).slice(2, 9);

/** The one-time link of the latest email of this kind to this address (polled: the worker sends it). */
async function enlaceDelCorreo(para: string, ruta: "invitacion" | "recuperar" | "acceso" | "gestionar", despuesDe = 0) {
  const patron = new RegExp(`/${ruta}/([A-Za-z0-9_-]{24})`);
  for (const hasta = Date.now() + 15_000; Date.now() < hasta; await new Promise((r) => setTimeout(r, 150))) {
    const { rows } = await db().query<{ id: number; asunto: string; html: string; texto: string }>(
      "SELECT id, asunto, html, texto FROM correo_desarrollo WHERE lower(para) = lower($1) AND id > $2 ORDER BY id DESC",
      [para, despuesDe],
    );
    const correo = rows.find((c) => patron.test(c.texto));
    if (correo) return { ...correo, token: patron.exec(correo.texto)![1], ruta: `/${ruta}/${patron.exec(correo.texto)![1]}` };
  }
  throw new Error(`sin correo con /${ruta}/ para ${para}`);
}
const ultimoCorreo = async () => (await db().query<{ id: number }>("SELECT coalesce(max(id), 0) AS id FROM correo_desarrollo")).rows[0].id;

async function sinSesion(): Promise<APIRequestContext> {
  return conContrato(await request.newContext({ baseURL: BASE() }));
}

async function conPassword(email: string, password: string) {
  const ctx = await sinSesion();
  await iniciarSesionApi(ctx, email, password);
  return ctx;
}

/** A copy of a context's cookies in a second client: what a stolen or copied cookie is. */
async function copiaDe(ctx: APIRequestContext) {
  return conContrato(await request.newContext({ baseURL: BASE(), storageState: await ctx.storageState() }));
}

async function cerrarSesionApi(ctx: APIRequestContext) {
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  expect((await ctx.post("/api/auth/signout", { form: { csrfToken, json: "true" } })).status()).toBe(200);
}

/** Polls until this client's session is refused (401), and returns how long that took. */
async function hasta401(ctx: APIRequestContext) {
  const inicio = Date.now();
  await expect.poll(async () => (await ctx.get("/api/reservas/")).status(), { timeout: 5000, intervals: [100] }).toBe(401);
  return Date.now() - inicio;
}

/** A staff member with a chosen password, through the real invitation email and page. */
async function personalInvitado(browser: Browser, admin: APIRequestContext, rol: "OPERADOR" | "ADMIN" = "OPERADOR") {
  const email = `op-${unico()}@prueba.bo`;
  const creado = await admin.post("/api/admin/usuarios/", { data: { nombre: "Carla", apellido: "Mamani", email, rol, departamento: "Atención al cliente" } });
  expect(creado.status()).toBe(201);
  const usuario = await creado.json();
  const { ruta } = await enlaceDelCorreo(email, "invitacion");
  const contexto = await browser.newContext();
  const page = await contexto.newPage();
  await page.goto(ruta);
  await page.getByLabel("Contraseña", { exact: true }).fill(CONTRASENA);
  await page.getByLabel("Repita la contraseña").fill(CONTRASENA);
  await page.getByRole("button", { name: "Guardar y continuar" }).click();
  await expect(page).toHaveURL(/\/login\?aviso=contrasena/);
  await contexto.close();
  return { id: usuario.id as number, email };
}

test.describe.configure({ mode: "serial" });

test("el último administrador activo no puede desactivarse ni cambiar de rol (409), por API y desde la página", async ({ page }) => {
  const admin = await apiComo("admin@demo.bo");
  const adminId = await idDeUsuario("admin@demo.bo");
  for (const cambio of [{ activo: false }, { rol: "OPERADOR" }]) {
    const r = await admin.patch(`/api/admin/usuarios/${adminId}/`, { data: cambio });
    expect(r.status()).toBe(409);
    expect((await r.json()).error_code).toBe("ULTIMO_ADMINISTRADOR");
  }
  const { rows } = await db().query("SELECT rol, activo FROM usuario WHERE id = $1", [adminId]);
  expect(rows[0]).toEqual({ rol: "ADMIN", activo: true });

  await page.context().addCookies((await admin.storageState()).cookies);
  await page.goto(`/admin/usuarios/${adminId}`);
  await page.getByRole("button", { name: "Desactivar" }).click();
  await expect(page.getByRole("dialog")).toContainText("Sus sesiones se cierran en segundos");
  await page.getByRole("button", { name: "Sí, desactivar" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("Es el único administrador activo");
  await expect(page.getByTestId("estado-usuario")).toHaveText("Activo");
  expect((await admin.get("/api/reservas/")).status()).toBe(200);
});

test("invitación: el admin crea un operador, el correo trae el enlace, una contraseña débil se rechaza en castellano, entra a /soporte; desactivado: 401 en menos de 5 s y no entra; reactivado, entra", async ({ browser }) => {
  const admin = await apiComo("admin@demo.bo");
  const email = `Op.${unico()}@Prueba.bo`;
  const creado = await admin.post("/api/admin/usuarios/", { data: { nombre: "Carla", apellido: "Mamani", email: `  ${email}  `, rol: "OPERADOR", departamento: "Atención al cliente" } });
  expect(creado.status()).toBe(201);
  const usuario = await creado.json();
  expect(usuario).toMatchObject({ email, rol: "OPERADOR", activo: true, tiene_contrasena: false });
  expect(Object.keys(usuario).some((k) => /hash|token|password/i.test(k))).toBe(false);
  const repetido = await admin.post("/api/admin/usuarios/", { data: { nombre: "Otra", apellido: "Vez", email: email.toLowerCase(), rol: "CLIENTE" } });
  expect(repetido.status()).toBe(409);
  expect((await repetido.json()).error_code).toBe("EMAIL_YA_REGISTRADO");

  const correo = await enlaceDelCorreo(email, "invitacion");
  expect(correo.asunto).toMatch(/elija su contraseña$/);
  expect(correo.texto).toContain("sirve una sola vez");

  const contexto = await browser.newContext();
  const page = await contexto.newPage();
  await page.goto(correo.ruta);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Elija su contraseña");
  await page.getByLabel("Contraseña", { exact: true }).fill("password123");
  await page.getByLabel("Repita la contraseña").fill("password123");
  await page.getByRole("button", { name: "Guardar y continuar" }).click();
  await expect(page.locator("#password-error")).toHaveText("Es una de las contraseñas más usadas en el mundo; elija otra.");
  await page.getByLabel("Contraseña", { exact: true }).fill(CONTRASENA);
  await page.getByLabel("Repita la contraseña").fill(CONTRASENA);
  await page.getByRole("button", { name: "Guardar y continuar" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText("Contraseña guardada");
  await page.getByLabel("Contraseña").fill(CONTRASENA);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).toHaveURL(/\/soporte$/);
  await expect(page.getByTestId("usuario-actual")).toContainText("Carla Mamani");

  const operador = await conPassword(email.toLowerCase(), CONTRASENA);
  expect((await operador.get("/api/reservas/")).status()).toBe(200);
  expect((await admin.patch(`/api/admin/usuarios/${usuario.id}/`, { data: { activo: false } })).status()).toBe(200);
  const ms = await hasta401(operador);
  console.log(`sesión del operador desactivado rechazada a los ${ms} ms`);
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  const rechazo = await intentarSesionApi(await sinSesion(), email, CONTRASENA);
  expect(rechazo.status()).toBe(401);

  expect((await admin.patch(`/api/admin/usuarios/${usuario.id}/`, { data: { activo: true } })).status()).toBe(200);
  const otraVez = await conPassword(email, CONTRASENA);
  expect((await otraVez.get("/api/reservas/")).status()).toBe(200);

  const detalle = await (await admin.get(`/api/admin/usuarios/${usuario.id}/`)).json();
  expect(detalle.auditoria.map((a: { accion: string }) => a.accion).reverse()).toEqual(["CREADO", "CONTRASENA_ESTABLECIDA", "ACTUALIZADO", "ACTUALIZADO"]);
  expect(detalle.auditoria[0]).toMatchObject({ actor: "Carlos Rojas", cambios: { activo: { antes: false, despues: true } } });
  await contexto.close();
});

test("cerrar sesión termina la sesión en el servidor: la copia de la cookie recibe 401 y la página de inicio de sesión", async ({ browser }) => {
  const cliente = await apiComo("cliente@demo.bo");
  const copia = await copiaDe(cliente);
  expect((await copia.get("/api/reservas/")).status()).toBe(200);
  await cerrarSesionApi(cliente);
  expect((await copia.get("/api/reservas/")).status()).toBe(401);
  const contexto = await browser.newContext({ storageState: await copia.storageState() });
  const page = await contexto.newPage();
  await page.goto("/reservas");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iniciar sesión");
  await contexto.close();
});

test("cambio de rol: el operador ascendido a admin entra otra vez y llega a /admin; su cookie anterior está muerta", async ({ browser }) => {
  const admin = await apiComo("admin@demo.bo");
  const { id, email } = await personalInvitado(browser, admin);
  const vieja = await conPassword(email, CONTRASENA);
  expect((await vieja.get("/api/admin/usuarios/")).status()).toBe(403);
  expect((await admin.patch(`/api/admin/usuarios/${id}/`, { data: { rol: "ADMIN" } })).status()).toBe(200);
  console.log(`sesión anterior al cambio de rol rechazada a los ${await hasta401(vieja)} ms`);
  const nueva = await conPassword(email, CONTRASENA);
  expect((await nueva.get("/api/admin/usuarios/")).status()).toBe(200);
  const contexto = await browser.newContext({ storageState: await nueva.storageState() });
  const page = await contexto.newPage();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByTestId("usuario-actual")).toContainText("Administrador");
  await contexto.close();
  // Leaves the agency with one admin again, as the other specs expect.
  expect((await admin.patch(`/api/admin/usuarios/${id}/`, { data: { activo: false } })).status()).toBe(200);
});

test("recuperación: correo desconocido y conocido reciben bytes idénticos; el enlace sirve una vez; usado, vencido y alterado se rechazan con páginas claras y no cambian nada", async ({ browser }) => {
  const admin = await apiComo("admin@demo.bo");
  const { email } = await personalInvitado(browser, admin);
  const anonimo = await sinSesion();
  const desconocida = await anonimo.post("/api/cuenta/recuperar/", { data: { email: `nadie-${unico()}@prueba.bo` } });
  const desde = await ultimoCorreo();
  const conocida = await anonimo.post("/api/cuenta/recuperar/", { data: { email: email.toUpperCase() } });
  expect([desconocida.status(), conocida.status()]).toEqual([200, 200]);
  expect(await conocida.text()).toBe(await desconocida.text());

  const { ruta, token } = await enlaceDelCorreo(email, "recuperar", desde);
  const contexto = await browser.newContext();
  const page = await contexto.newPage();
  const nueva = "Otra-frase-de-viaje-2027";
  await page.goto(ruta);
  await page.getByLabel("Contraseña", { exact: true }).fill(nueva);
  await page.getByLabel("Repita la contraseña").fill(nueva);
  await page.getByRole("button", { name: "Guardar contraseña" }).click();
  await expect(page).toHaveURL(/\/login\?aviso=contrasena/);
  expect((await intentarSesionApi(await sinSesion(), email, CONTRASENA)).status()).toBe(401);
  expect((await intentarSesionApi(await sinSesion(), email, nueva)).status()).toBe(200);
  const hash = (await db().query("SELECT password_hash FROM usuario WHERE lower(email) = lower($1)", [email])).rows[0].password_hash;

  // Used: a clear page, and the form is gone.
  await page.goto(ruta);
  await expect(page.locator("main").getByRole("alert")).toHaveText("Este enlace ya se usó. Pida un enlace nuevo.");
  await expect(page.getByLabel("Repita la contraseña")).toHaveCount(0);
  // Expired.
  const desde2 = await ultimoCorreo();
  await anonimo.post("/api/cuenta/recuperar/", { data: { email } });
  const segundo = await enlaceDelCorreo(email, "recuperar", desde2);
  await db().query("UPDATE enlace_acceso SET vence_at = now() - interval '1 second' WHERE proposito = 'RECUPERACION' AND usado_at IS NULL AND revocado_at IS NULL AND usuario_id = (SELECT id FROM usuario WHERE lower(email) = lower($1))", [email]);
  await page.goto(segundo.ruta);
  await expect(page.locator("main").getByRole("alert")).toHaveText("Este enlace venció. Pida un enlace nuevo.");
  // Tampered: a 404 page, never a 500.
  const alterado = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
  expect((await page.goto(`/recuperar/${alterado}`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No encontramos esta página");
  expect((await page.goto("/recuperar/%27%20OR%201%3D1"))?.status()).toBe(404);
  expect((await db().query("SELECT password_hash FROM usuario WHERE lower(email) = lower($1)", [email])).rows[0].password_hash).toBe(hash);
  await contexto.close();
});

test("enlace «Gestionar mi reserva»: el GET no cambia nada ni da sesión; «Continuar» abre esa reserva sola, se reprograma, la otra es 404; pasado el viaje se rechaza", async ({ browser }) => {
  const admin = await apiComo("admin@demo.bo");
  const email = `cli-${unico()}@prueba.bo`;
  const cliente = await (await admin.post("/api/admin/usuarios/", { data: { nombre: "Rosa", apellido: "Choque", email, rol: "CLIENTE" } })).json();
  await expect.poll(async () => (await db().query("SELECT asunto FROM correo_desarrollo WHERE para = $1", [email])).rows.map((c) => c.asunto)).toEqual([expect.stringMatching(/^Bienvenido a /)]);
  const propia = await reservaDirecta(cliente.id, diaHabil(170));
  const otra = await reservaDirecta(cliente.id, diaHabil(173));
  const operador = await apiComo("operador@demo.bo");
  const movida = await operador.post(`/api/reservas/${propia}/reprogramar/`, { data: { nueva_fecha: diaHabil(176).toISOString(), motivo: "Cambio pedido por teléfono" } });
  expect(movida.status(), await movida.text()).toBe(200);
  const correo = await enlaceDelCorreo(email, "gestionar");
  expect(correo.html).toContain("Gestionar mi reserva");

  const sesionesAntes = (await db().query("SELECT count(*)::int AS n FROM sesion WHERE usuario_id = $1", [cliente.id])).rows[0].n;
  const contexto = await browser.newContext();
  const page = await contexto.newPage();
  const landing = await page.goto(correo.ruta);
  expect(landing?.status()).toBe(200);
  await expect(page.getByText(`#${propia} · Destino de prueba`)).toBeVisible();
  expect((await contexto.cookies()).filter((c) => c.name.includes("session-token"))).toEqual([]);
  expect((await db().query("SELECT count(*)::int AS n FROM sesion WHERE usuario_id = $1", [cliente.id])).rows[0].n).toBe(sesionesAntes);

  await page.getByRole("button", { name: "Continuar" }).click();
  await expect(page).toHaveURL(new RegExp(`/reservas/${propia}$`));
  const sesion = (await db().query("SELECT reserva_id, extract(epoch FROM vence_at - creada_at)::int AS segundos FROM sesion WHERE usuario_id = $1", [cliente.id])).rows;
  expect(sesion).toEqual([{ reserva_id: propia, segundos: 7200 }]);
  const r = await page.request.post(`/api/reservas/${propia}/reprogramar/`, { data: { nueva_fecha: diaHabil(179).toISOString(), motivo: "Prefiero otra semana" } });
  expect(r.status(), await r.text()).toBe(200);
  expect((await page.request.get(`/api/reservas/${otra}/historial-reprogramacion/`)).status()).toBe(404);
  expect((await page.goto(`/reservas/${otra}`))?.status()).toBe(404);
  const lista = await (await page.request.get("/api/reservas/")).json();
  expect(lista.reservas.map((x: { id: number }) => x.id)).toEqual([propia]);
  expect((await page.goto("/perfil"))?.url()).toMatch(/\/login/);

  const { rows: [{ fecha_inicio: fecha }] } = await db().query("SELECT fecha_inicio FROM reserva WHERE id = $1", [propia]);
  await db().query("UPDATE reserva SET fecha_inicio = now() - interval '1 hour' WHERE id = $1", [propia]);
  const otroNavegador = await browser.newContext();
  const tarde = await otroNavegador.newPage();
  await tarde.goto(correo.ruta);
  await expect(tarde.locator("main").getByRole("alert")).toContainText("La fecha del viaje ya pasó");
  await expect(tarde.getByRole("button", { name: "Continuar" })).toHaveCount(0);
  await db().query("UPDATE reserva SET fecha_inicio = $2 WHERE id = $1", [propia, fecha]);

  // Support revokes the links from the reservation's page: the open session and every link die.
  expect((await page.request.get("/api/reservas/")).status()).toBe(200);
  const soporte = await (await browser.newContext({ storageState: await operador.storageState() })).newPage();
  await soporte.goto(`/soporte/reservas/${propia}`);
  await expect(soporte.getByTestId("enlaces-gestion")).toHaveText(/activos: [1-9]/);
  await soporte.getByRole("button", { name: "Revocar enlaces" }).click();
  await soporte.getByRole("button", { name: "Sí, revocar" }).click();
  await expect(soporte.getByTestId("enlaces-gestion")).toHaveText("Enlaces «Gestionar mi reserva» activos: 0");
  await expect.poll(async () => (await page.request.get("/api/reservas/")).status(), { timeout: 5000 }).toBe(401);
  expect((await tarde.goto(correo.ruta))?.status()).toBe(404);
  await contexto.close();
  await otroNavegador.close();
});

test("enlace de acceso: misma respuesta exista o no la cuenta; abrirlo no inicia sesión; «Ingresar» sí, una sola vez", async ({ browser }) => {
  const admin = await apiComo("admin@demo.bo");
  const email = `cli-${unico()}@prueba.bo`;
  expect((await admin.post("/api/admin/usuarios/", { data: { nombre: "Luis", apellido: "Tarqui", email, rol: "CLIENTE" } })).status()).toBe(201);
  const anonimo = await sinSesion();
  const [existe, noExiste] = [await anonimo.post("/api/cuenta/enlace-acceso/", { data: { email } }), await anonimo.post("/api/cuenta/enlace-acceso/", { data: { email: `nadie-${unico()}@prueba.bo` } })];
  expect(await existe.text()).toBe(await noExiste.text());
  const { ruta, asunto } = await enlaceDelCorreo(email, "acceso");
  expect(asunto).toMatch(/^Su enlace para ingresar/);
  const contexto = await browser.newContext();
  const page = await contexto.newPage();
  await page.goto(ruta);
  expect((await contexto.cookies()).filter((c) => c.name.includes("session-token"))).toEqual([]);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).toHaveURL(/\/reservas$/);
  await expect(page.getByTestId("usuario-actual")).toContainText("Luis Tarqui");
  const otro = await (await browser.newContext()).newPage();
  await otro.goto(ruta);
  await expect(otro.locator("main").getByRole("alert")).toHaveText("Este enlace de acceso ya se usó.");
  await contexto.close();
});

test("cambiar la contraseña en /perfil pide la actual, explica una débil y cierra todas las sesiones anteriores (este navegador recibe una nueva)", async ({ browser }) => {
  const admin = await apiComo("admin@demo.bo");
  const { email } = await personalInvitado(browser, admin);
  const otraSesion = await conPassword(email, CONTRASENA);
  const contexto = await browser.newContext();
  const page = await contexto.newPage();
  await page.context().addCookies((await (await conPassword(email, CONTRASENA)).storageState()).cookies);
  await page.goto("/perfil");
  await page.getByLabel("Contraseña actual").fill("no-es-la-actual-123");
  await page.getByLabel("Nueva contraseña").fill("Cielo-azul-sobre-Sorata-9");
  await page.getByLabel("Repita la contraseña").fill("Cielo-azul-sobre-Sorata-9");
  await page.getByRole("button", { name: "Cambiar contraseña" }).click();
  await expect(page.locator("#actual-error")).toHaveText("La contraseña actual no es correcta");
  await page.getByLabel("Contraseña actual").fill(CONTRASENA);
  await page.getByLabel("Nueva contraseña").fill("carla12345");
  await page.getByLabel("Repita la contraseña").fill("carla12345");
  await page.getByRole("button", { name: "Cambiar contraseña" }).click();
  await expect(page.locator("#password-error")).toContainText("fácil de adivinar");
  await page.getByLabel("Contraseña actual").fill(CONTRASENA);
  await page.getByLabel("Nueva contraseña").fill("Cielo-azul-sobre-Sorata-9");
  await page.getByLabel("Repita la contraseña").fill("Cielo-azul-sobre-Sorata-9");
  const copiaDeEsta = conContrato(await request.newContext({ baseURL: BASE(), storageState: await page.context().storageState() }));
  await page.getByRole("button", { name: "Cambiar contraseña" }).click();
  await expect(page.locator("main").getByRole("status")).toHaveText("Contraseña cambiada. Se cerraron todas sus otras sesiones; en este navegador sigue conectado.");
  // Every earlier session ends, a copy of this browser's cookie too; this browser got a new one.
  await hasta401(otraSesion);
  await hasta401(copiaDeEsta);
  await page.reload();
  await expect(page).toHaveURL(/\/perfil$/);
  expect((await intentarSesionApi(await sinSesion(), email, CONTRASENA)).status()).toBe(401);
  expect((await intentarSesionApi(await sinSesion(), email, "Cielo-azul-sobre-Sorata-9")).status()).toBe(200);
  await contexto.close();
});
