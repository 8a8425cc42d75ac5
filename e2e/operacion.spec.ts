// What an operator and a load balancer rely on: the health probe, the admin's health view, the
// request id on every response, the app icon and manifest, and the compact phone menu.
import { expect, test } from "@playwright/test";
import { apiComo } from "./api-helpers";
import { iniciarSesion, revisarPagina } from "./helpers";

test("salud: /api/salud sin sesión; /api/admin/salud solo admin, con el worker del servidor vivo", async ({ playwright }) => {
  const anonimo = await playwright.request.newContext({ baseURL: process.env.BASE_URL });
  const publica = await anonimo.get("/api/salud");
  expect(publica.status()).toBe(200);
  expect(await publica.json()).toEqual({ estado: "ok" });
  expect(publica.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  // Plain http: no HSTS.
  expect(publica.headers()["strict-transport-security"]).toBeUndefined();
  expect((await anonimo.get("/api/admin/salud")).status()).toBe(401);
  await anonimo.dispose();

  expect((await (await apiComo("operador@demo.bo")).get("/api/admin/salud")).status()).toBe(403);
  const admin = await apiComo("admin@demo.bo");
  // The in-server worker writes its first heartbeat as it starts.
  await expect
    .poll(async () => (await (await admin.get("/api/admin/salud")).json()).workers.some((w: { disposicion: string; vivo: boolean }) => w.disposicion === "servidor" && w.vivo), { timeout: 15_000 })
    .toBe(true);
  const salud = await (await admin.get("/api/admin/salud")).json();
  expect(salud.build.commit).toMatch(/^([0-9a-f]{7,12}|desconocido)$/);
  expect(salud.cola).toEqual(expect.objectContaining({ trabajos_listos: expect.any(Number), trabajos_bloqueados: expect.any(Number) }));
  expect(JSON.stringify(salud)).not.toMatch(/postgres(ql)?:\/\/|secreto/i);
});

test("cada respuesta lleva x-request-id; uno válido de un proxy propio se conserva, uno raro se reemplaza", async ({ playwright }) => {
  const ctx = await playwright.request.newContext({ baseURL: process.env.BASE_URL });
  expect((await ctx.get("/api/salud", { headers: { "x-request-id": "lb-7f3a9c2e4b1d8e60" } })).headers()["x-request-id"]).toBe("lb-7f3a9c2e4b1d8e60");
  expect((await ctx.get("/api/salud", { headers: { "x-request-id": "ana@correo.bo" } })).headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect((await ctx.get("/login")).headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  await ctx.dispose();
});

test("ícono, favicon y manifiesto con el nombre de la agencia", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toContain("image/");
  const manifiesto = await (await request.get("/manifest.webmanifest")).json();
  expect(manifiesto.name).toContain("Agencia de Viajes");
  expect(manifiesto.icons.length).toBeGreaterThan(0);
  await page.goto("/login");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon/);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
});

test("menú en el teléfono: un botón que abre y cierra las secciones; barra completa en escritorio", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await iniciarSesion(page, "admin@demo.bo");
  await page.goto("/admin");
  const boton = page.getByRole("button", { name: "Menú" });
  await expect(boton).toHaveAttribute("aria-expanded", "false");
  const cabecera = page.getByRole("banner");
  await expect(cabecera.getByRole("link", { name: "Métricas", exact: true })).toBeHidden();
  // The bar above the page is one line: brand, person and the button.
  const alto = await page.locator("header").evaluate((h) => h.getBoundingClientRect().height);
  expect(alto).toBeLessThan(80);
  await revisarPagina(page, testInfo, "admin-menu-cerrado", 390);

  await boton.click();
  await expect(boton).toHaveAttribute("aria-expanded", "true");
  const secciones = page.getByRole("navigation", { name: "Secciones" });
  await expect(secciones.getByRole("link", { name: "Métricas", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cerrar sesión" })).toBeVisible();
  await revisarPagina(page, testInfo, "admin-menu-abierto", 390);
  await page.keyboard.press("Escape");
  await expect(boton).toHaveAttribute("aria-expanded", "false");
  await expect(boton).toBeFocused();

  await boton.press("Enter");
  await secciones.getByRole("link", { name: "Capacidad" }).click();
  await expect(page).toHaveURL(/\/admin\/capacidad/);
  await expect(boton).toHaveAttribute("aria-expanded", "false");

  // A tablet held upright still gets the button; held sideways (1024 px) the whole bar.
  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(boton).toBeVisible();
  await revisarPagina(page, testInfo, "admin-menu", 768);
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(boton).toBeHidden();
  await revisarPagina(page, testInfo, "admin-barra", 1024);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(boton).toBeHidden();
  // One line at desktop width.
  expect(await page.locator("header").evaluate((h) => h.getBoundingClientRect().height)).toBeLessThan(70);
  await expect(page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Métricas", exact: true })).toBeVisible();
  await revisarPagina(page, testInfo, "admin-barra", 1280);
});
