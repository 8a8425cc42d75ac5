// Hostile input, one class at a time: every refusal is a 4xx JSON { detail, error_code } and the
// database is exactly as before. Also: JSON 404/405/415 at the edge, and the security headers.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { apiComo, db, diaHabil, idDeUsuario, reservaDirecta } from "./api-helpers";
import { huellaDeLaBase } from "./huella";

async function rechazo(r: APIResponse, status: number, codigo?: string) {
  expect(r.status(), await r.text()).toBe(status);
  const body = await r.json();
  expect(typeof body.detail).toBe("string");
  expect(typeof body.error_code).toBe("string");
  if (codigo) expect(body.error_code).toBe(codigo);
  return body;
}

/** Runs the requests and checks each is refused with `status` and leaves the database untouched. */
async function sinCambios(casos: [string, () => Promise<APIResponse>, number, string?][]) {
  for (const [nombre, enviar, status, codigo] of casos) {
    const antes = await huellaDeLaBase();
    await test.step(nombre, async () => {
      await rechazo(await enviar(), status, codigo);
    });
    expect(await huellaDeLaBase(), `${nombre}: la base cambió`).toBe(antes);
  }
}

const motivo = "Cambio de planes familiares";
const crudo = (ctx: APIRequestContext, ruta: string, cuerpo: string, metodo: "post" | "patch" = "post") =>
  ctx[metodo](ruta, { headers: { "content-type": "application/json" }, data: cuerpo });

test("fechas lejanas o imposibles: 400, nada guardado, y las listas del staff siguen respondiendo", async () => {
  const cliente = await apiComo("cliente@demo.bo");
  const admin = await apiComo("admin@demo.bo");
  const id = await reservaDirecta(await idDeUsuario("cliente@demo.bo"), diaHabil(60));
  const reprogramar = (ctx: APIRequestContext, nueva_fecha: string, extra = {}) => () => ctx.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha, motivo, ...extra } });
  const masAllaDelHorizonte = diaHabil(800).toISOString();
  await sinCambios([
    ["año 9999 (10000 en UTC)", reprogramar(cliente, "9999-12-31T20:00:00-04:00"), 400, "DATOS_INVALIDOS"],
    ["año 0000", reprogramar(cliente, "0000-01-01T10:00:00Z"), 400, "DATOS_INVALIDOS"],
    ["año extendido", reprogramar(cliente, "+010000-01-01T10:00:00Z"), 400, "DATOS_INVALIDOS"],
    ["31 de febrero", reprogramar(cliente, "2027-02-31T10:00:00Z"), 400, "DATOS_INVALIDOS"],
    ["más allá del horizonte de reservas (cliente)", reprogramar(cliente, masAllaDelHorizonte), 400, "FECHA_FUERA_DE_HORIZONTE"],
    ["más allá del horizonte aun con bypass (admin)", reprogramar(admin, masAllaDelHorizonte, { bypass_reglas: ["TIEMPO_MINIMO", "DIA_BLACKOUT", "LIMITE_REPROGRAMACIONES"] }), 400, "FECHA_FUERA_DE_HORIZONTE"],
    ["crear una reserva en 2150", () => admin.post("/api/reservas/", { data: { usuario: 1, destino: "Uyuni", fecha_inicio: "2150-01-01T10:00:00Z", total: "100.00" } }), 400, "DATOS_INVALIDOS"],
    ["regla con vigencia en 1999", () => admin.post("/api/reglas/", { data: { nombre: "Antigua", tipo_regla: "TIEMPO_MINIMO", valor_numerico: 24, mensaje_error: "No se puede", fecha_inicio_vigencia: "1999-12-31T00:00:00Z" } }), 400, "DATOS_INVALIDOS"],
    ["feriado local en el año 0000", () => admin.post("/api/reglas/", { data: { nombre: "Feriados", tipo_regla: "DIA_BLACKOUT", valor_texto: "FERIADOS", mensaje_error: "No se puede", condiciones_extras: { incluir_feriados_locales: ["0000-01-01"] } } }), 400, "DATOS_INVALIDOS"],
    ["filtro de lista con año 0000", () => admin.get("/api/reservas/?desde=0000-01-01T00:00:00Z"), 400, "DATOS_INVALIDOS"],
    ["métricas desde el año 3000", () => admin.get("/api/metricas/notificaciones/?desde=3000-01-01"), 400, "DATOS_INVALIDOS"],
  ]);
  const verificacion = await (await cliente.get(`/api/reservas/${id}/puede-reprogramar/?nueva_fecha=${encodeURIComponent(masAllaDelHorizonte)}`)).json();
  expect(verificacion.puede_reprogramar).toBe(false);
  expect(verificacion.motivos.join(" ")).toContain("730 días");
  for (const ruta of ["/api/reservas/?por_pagina=200", "/api/notificaciones/reprogramaciones/"]) expect((await admin.get(ruta)).status(), ruta).toBe(200);
});

test("texto con NUL, de control o Unicode inválido, y números fuera de lo que guarda la base: 400 sin cambios", async () => {
  const cliente = await apiComo("cliente@demo.bo");
  const operador = await apiComo("operador@demo.bo");
  const admin = await apiComo("admin@demo.bo");
  const id = await reservaDirecta(await idDeUsuario("cliente@demo.bo"), diaHabil(62));
  const nueva = diaHabil(65).toISOString();
  const ruta = `/api/reservas/${id}/reprogramar/`;
  const regla = { nombre: "Regla de prueba", tipo_regla: "TIEMPO_MINIMO", valor_numerico: 24, mensaje_error: "Debe reprogramar con tiempo" };
  await sinCambios([
    ["NUL en motivo", () => cliente.post(ruta, { data: { nueva_fecha: nueva, motivo: "Motivo con \u0000 nulo" } }), 400, "DATOS_INVALIDOS"],
    ["carácter de control en motivo", () => cliente.post(ruta, { data: { nueva_fecha: nueva, motivo: "Motivo con \u001b[31m escape" } }), 400, "DATOS_INVALIDOS"],
    // Written by hand: JSON.stringify would escape the lone surrogate the same way, this is explicit.
    ["surrogate suelto en motivo", () => crudo(cliente, ruta, `{"nueva_fecha":"${nueva}","motivo":"Motivo con \\ud800 suelto"}`), 400, "DATOS_INVALIDOS"],
    ["surrogate bajo suelto en observaciones", () => crudo(operador, ruta, `{"nueva_fecha":"${nueva}","motivo":"${motivo}","observaciones_internas":"nota \\udc00"}`), 400, "DATOS_INVALIDOS"],
    ["NUL en el nombre de una regla", () => admin.post("/api/reglas/", { data: { ...regla, nombre: "Regla\u0000" } }), 400, "DATOS_INVALIDOS"],
    ["NUL en una clave de condiciones_extras", () => admin.post("/api/reglas/", { data: { ...regla, condiciones_extras: { "clave\u0000": true } } }), 400, "DATOS_INVALIDOS"],
    ["NUL en un valor de condiciones_extras", () => admin.post("/api/reglas/", { data: { ...regla, condiciones_extras: { nota: "x\u0000" } } }), 400, "DATOS_INVALIDOS"],
    ["porcentaje 1e-300", () => operador.post(ruta, { data: { nueva_fecha: nueva, motivo, aplicar_descuento: true, porcentaje_descuento: 1e-300 } }), 400, "DATOS_INVALIDOS"],
    ["porcentaje con tres decimales", () => operador.post(ruta, { data: { nueva_fecha: nueva, motivo, aplicar_descuento: true, porcentaje_descuento: 12.345 } }), 400, "DATOS_INVALIDOS"],
    ["monto fuera de numeric(12,2)", () => admin.post("/api/reservas/", { data: { usuario: 1, destino: "Uyuni", fecha_inicio: nueva, total: "12345678901.00" } }), 400, "DATOS_INVALIDOS"],
    ["cupón de 1e21", () => admin.post(ruta, { data: { nueva_fecha: nueva, motivo, compensacion_adicional: { tipo: "CUPONES", valor: 1e21 } } }), 400, "DATOS_INVALIDOS"],
  ]);
  // Two decimals are fine: the same request with 12.5 % goes through.
  const bien = await operador.post(ruta, { data: { nueva_fecha: nueva, motivo, aplicar_descuento: true, porcentaje_descuento: 12.5 } });
  expect(bien.status()).toBe(200);
  expect((await bien.json()).descuento_aplicado.monto_descuento).toBe("300.00");
});

test("ids fuera del rango de la base en cuerpos, consultas y rutas: 4xx sin cambios", async () => {
  const admin = await apiComo("admin@demo.bo");
  const id = await reservaDirecta(await idDeUsuario("cliente@demo.bo"), diaHabil(66));
  const nueva = diaHabil(68).toISOString();
  await sinCambios([
    ["usuario 2^31 al crear", () => admin.post("/api/reservas/", { data: { usuario: 2147483648, destino: "Uyuni", fecha_inicio: nueva, total: "100.00" } }), 400, "DATOS_INVALIDOS"],
    ["reserva_ids con 2^31", () => admin.post("/api/admin/reprogramaciones/", { data: { reserva_ids: [id, 2147483648], nueva_fecha: nueva, motivo } }), 400, "DATOS_INVALIDOS"],
    ["reserva_id 2^53-1", () => admin.post("/api/admin/reprogramaciones/", { data: { reserva_id: 9007199254740991, nueva_fecha: nueva, motivo } }), 400, "DATOS_INVALIDOS"],
    ["?usuario=2^53-1", () => admin.get("/api/reservas/?usuario=9007199254740991"), 400, "DATOS_INVALIDOS"],
    ["?usuario=0x10", () => admin.get("/api/reservas/?usuario=0x10"), 400, "DATOS_INVALIDOS"],
    ["?pagina=1e9", () => admin.get("/api/reservas/?pagina=1e9"), 400, "DATOS_INVALIDOS"],
    ["?pagina enorme", () => admin.get("/api/notificaciones/reprogramaciones/?pagina=99999999"), 400, "DATOS_INVALIDOS"],
    ["id de ruta 2^31", () => admin.post("/api/reservas/2147483648/reprogramar/", { data: { nueva_fecha: nueva, motivo } }), 404, "NO_ENCONTRADO"],
    ["id de regla en el cuerpo 2^31", () => admin.patch("/api/reglas/1/", { data: { id: 2147483648 } }), 400, "DATOS_INVALIDOS"],
  ]);
});

test("rutas desconocidas, métodos no permitidos y tipos de contenido ajenos responden JSON", async () => {
  const admin = await apiComo("admin@demo.bo");
  const id = await reservaDirecta(await idDeUsuario("cliente@demo.bo"), diaHabil(70));
  await sinCambios([
    ["ruta desconocida", () => admin.get("/api/no-existe"), 404, "RUTA_NO_ENCONTRADA"],
    ["subruta desconocida", () => admin.post(`/api/reservas/${id}/reembolsar/`, { data: {} }), 404, "RUTA_NO_ENCONTRADA"],
    ["cuerpo text/plain", () => admin.post(`/api/reservas/${id}/reprogramar/`, { headers: { "content-type": "text/plain" }, data: JSON.stringify({ nueva_fecha: diaHabil(72).toISOString(), motivo }) }), 415, "TIPO_CONTENIDO_NO_SOPORTADO"],
    ["formulario", () => admin.post("/api/reglas/", { form: { nombre: "x" } }), 415, "TIPO_CONTENIDO_NO_SOPORTADO"],
    ["sin tipo de contenido", () => admin.patch("/api/reglas/1/", { headers: { "content-type": "" }, data: "{}" }), 415, "TIPO_CONTENIDO_NO_SOPORTADO"],
  ]);
  const casos: [string, "delete" | "put" | "patch" | "get", string][] = [
    ["/api/reservas/", "delete", "GET, POST, HEAD, OPTIONS"],
    [`/api/reservas/${id}/reprogramar/`, "get", "POST, OPTIONS"],
    ["/api/reglas/1/", "put", "GET, PATCH, DELETE, HEAD, OPTIONS"],
    ["/api/metricas/notificaciones/", "patch", "GET, HEAD, OPTIONS"],
  ];
  for (const [ruta, metodo, allow] of casos) {
    const r = await admin[metodo](ruta, metodo === "get" || metodo === "delete" ? {} : { data: {} });
    const body = await rechazo(r, 405, "METODO_NO_PERMITIDO");
    expect(r.headers()["allow"], ruta).toBe(allow);
    expect(body.metodos_permitidos.length).toBeGreaterThan(0);
  }
  const { rows } = await db().query("SELECT numero_reprogramaciones FROM reserva WHERE id = $1", [id]);
  expect(rows[0].numero_reprogramaciones).toBe(0);
});

test("la reprogramación masiva nunca responde 5xx a medias: cada reserva con su propio resultado", async () => {
  const admin = await apiComo("admin@demo.bo");
  const juan = await idDeUsuario("cliente@demo.bo");
  const a = await reservaDirecta(juan, diaHabil(90));
  const b = await reservaDirecta(juan, diaHabil(90), { estado: "CANCELADA" });
  const r = await admin.post("/api/admin/reprogramaciones/", { data: { reserva_ids: [a, b, 2147483647], nueva_fecha: diaHabil(93).toISOString(), motivo } });
  expect(r.status()).toBe(200);
  const body = await r.json();
  expect(body.resumen).toEqual({ total: 3, exitosas: 1, fallidas: 2 });
  expect(body.resultados.map((x: { status: number }) => x.status)).toEqual([200, 409, 404]);
});

test("cabeceras de seguridad en páginas y en la API; sin caché para datos personales", async ({ request }) => {
  const pagina = await request.get("/login");
  const api = await (await apiComo("cliente@demo.bo")).get("/api/reservas/");
  for (const r of [pagina, api]) {
    const h = r.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).not.toContain("unsafe-eval");
  }
  expect(api.headers()["cache-control"]).toBe("no-store");
  // A fresh nonce on every page, and Next.js' scripts carry it.
  const otra = await request.get("/login");
  const nonce = (r: APIResponse) => /'nonce-([^']+)'/.exec(r.headers()["content-security-policy"])![1];
  expect(nonce(otra)).not.toBe(nonce(pagina));
  expect(await otra.text()).toContain(`nonce="${nonce(otra)}"`);
  const sinSesion = await request.get("/api/reservas/");
  expect(sinSesion.status()).toBe(401);
  expect(sinSesion.headers()["cache-control"]).toBe("no-store");
});
