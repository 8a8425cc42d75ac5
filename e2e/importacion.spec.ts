// The CSV import in the browser and through its API: an admin uploads a file, reads the dry run
// (errors by line and column, the full-day warning), imports it, follows the progress to the
// per-row result and its CSV, and finds the overbooked day flagged on /admin/capacidad; axe and
// screenshots at phone and desktop widths. The API answers its documented errors and roles.
import { expect, test } from "@playwright/test";
import { apiComo, db, diaHabil, diaLocal, fijarCapacidad } from "./api-helpers";
import { iniciarSesion, revisarPagina } from "./helpers";

const ENCABEZADO = "referencia,cliente_email,cliente_nombre,cliente_apellido,cliente_celular,destino,fecha_inicio,total,moneda,servicios,estado";
const local = (fecha: Date) => new Date(fecha.getTime() - 4 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

function archivo(marca: string, diaLleno: Date) {
  return [
    ENCABEZADO,
    `E2E-${marca}-1,ana.${marca}@prueba.bo,Ana,Quispe,71234567,Salar de Uyuni,${local(diaHabil(180, 8))},2400.00,BOB,"TOUR|Tour 3 días|1800.00;HOTEL|Hotel de sal|600.00",`,
    `E2E-${marca}-2,luis.${marca}@prueba.bo,Luis,Mamani,,Lago Titicaca,2027-02-30 10:00,1500.00,BOB,,`,
    `E2E-${marca}-3,ana.${marca}@prueba.bo,Ana,Quispe,,Copacabana,${local(diaHabil(184, 9))},"1.250,50",USD,,`,
    `E2E-${marca}-1,eva.${marca}@prueba.bo,Eva,Rojas,,Sucre,${local(diaHabil(186, 9))},900.00,BOB,,`,
    `E2E-${marca}-5,eva.${marca}@prueba.bo,Eva,Rojas,,Potosí,${local(diaLleno)},700.00,BOB,,`,
  ].join("\n");
}

const CSV = "text/csv";

/** Sets a day's capacity to the bookings it already has (other specs may book it too); returns that number. */
async function llenarDia(dia: Date) {
  const { rows } = await db().query<{ n: number }>("SELECT count(*)::int AS n FROM reserva WHERE estado <> 'CANCELADA' AND to_char(fecha_inicio AT TIME ZONE 'America/La_Paz', 'YYYY-MM-DD') = $1", [diaLocal(dia)]);
  await fijarCapacidad(diaLocal(dia), rows[0].n);
  return rows[0].n;
}
const excedido = (n: number) => `${n + 1} reserva${n + 1 === 1 ? "" : "s"} para ${n} lugar${n === 1 ? "" : "es"}`;

for (const ancho of [390, 1280]) {
  test(`importar un CSV desde la página a ${ancho} px: prueba, importación, resultado y día excedido`, async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const marca = `${ancho}${Math.random().toString(36).slice(2, 6)}`;
    const diaLleno = diaHabil(ancho === 390 ? 266 : 270, 10);
    const lugares = await llenarDia(diaLleno);
    const page = await (await browser.newContext({ viewport: { width: ancho, height: 900 } })).newPage();
    await iniciarSesion(page, "admin@demo.bo");
    await page.goto("/admin/importar");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importar reservas");
    await page.getByRole("button", { name: "Probar sin guardar" }).click();
    await expect(page.locator("#archivo-error")).toHaveText("Elija el archivo CSV.");
    await expect(page.getByLabel("Archivo CSV")).toBeFocused();

    await page.getByLabel("Archivo CSV").setInputFiles({ name: `reservas-${marca}.csv`, mimeType: CSV, buffer: Buffer.from(archivo(marca, diaLleno)) });
    await page.getByRole("button", { name: "Probar sin guardar" }).click();
    await expect(page.getByRole("heading", { name: `Prueba de «reservas-${marca}.csv»: 5 filas, nada se guardó` })).toBeVisible();
    const resumen = page.getByTestId("resumen-importacion");
    await expect(resumen).toContainText("3se crearían");
    await expect(resumen).toContainText("2errores");
    await expect(page.locator('tr[data-linea="3"]')).toContainText("fecha_inicio: La fecha «2027-02-30 10:00» no es válida");
    await expect(page.locator('tr[data-linea="5"]')).toContainText(`referencia: La referencia «E2E-${marca}-1» ya está en la línea 2 del archivo.`);
    await expect(page.locator('tr[data-linea="6"]')).toContainText(`El ${diaLocal(diaLleno)} queda con ${excedido(lugares)}`);
    await revisarPagina(page, testInfo, "importar-prueba", ancho);

    await page.getByRole("button", { name: "Importar 3 filas" }).click();
    const dialogo = page.getByRole("dialog", { name: "¿Importar el archivo?" });
    await expect(dialogo).toContainText("Se crearán 3 reservas y se actualizarán 0; 2 filas con errores no se importan.");
    await dialogo.getByRole("button", { name: "Sí, importar" }).click();
    await expect(page).toHaveURL(/\/admin\/importar\/\d+$/);
    await expect(page.getByRole("heading", { name: "Resultado por fila" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    await expect(page.getByTestId("resumen-importacion")).toContainText("3creadas");
    await page.getByRole("radio", { name: "Todas (5)" }).check();
    await expect(page.locator('tr[data-resultado="crear"]')).toHaveCount(3);
    await expect(page.locator('tr[data-linea="4"]').getByRole("link", { name: `E2E-${marca}-3` })).toBeVisible();
    await revisarPagina(page, testInfo, "importacion-resultado", ancho);

    const csv = await page.request.get(`${page.url().replace("/admin/importar/", "/api/admin/importaciones/")}/csv`);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const lineas = (await csv.text()).trim().split("\n");
    expect(lineas).toHaveLength(6);
    expect(lineas[2]).toMatch(new RegExp(`^3,E2E-${marca}-2,error,,fecha_inicio: La fecha «2027-02-30 10:00» no es válida`));

    await page.goto("/admin/importar");
    await expect(page.getByTestId("importaciones-anteriores")).toContainText(`reservas-${marca}.csv`);
    await page.goto(`/admin/capacidad?mes=${diaLocal(diaLleno).slice(0, 7)}`);
    await expect(page.getByTestId("dias-excedidos")).toContainText(`${diaLocal(diaLleno)}: ${excedido(lugares)}`);
    await expect(page.locator(`button[data-fecha="${diaLocal(diaLleno)}"]`)).toHaveAttribute("data-nivel", "excedido");
    await revisarPagina(page, testInfo, "capacidad-excedida", ancho);
  });
}

test("API de importaciones: prueba 200, importación 202 hasta terminar, informe CSV, archivos rechazados y roles", async () => {
  const admin = await apiComo("admin@demo.bo");
  const marca = Math.random().toString(36).slice(2, 8);
  const contenido = Buffer.from(archivo(marca, diaHabil(196, 10)));
  const enviar = (buffer: Buffer, simulacion = "true", ctx = admin) => ctx.post("/api/admin/importaciones/", { multipart: { archivo: { name: "r.csv", mimeType: CSV, buffer }, simulacion } });

  const prueba = await enviar(contenido);
  expect(prueba.status()).toBe(200);
  expect(await prueba.json()).toMatchObject({ simulacion: true, total: 5, resumen: { creadas: 3, errores: 2 } });

  const creada = await enviar(contenido, "false");
  expect(creada.status()).toBe(202);
  const { id } = await creada.json();
  expect(creada.headers().location).toBe(`/api/admin/importaciones/${id}/`);
  let estado = await (await admin.get(`/api/admin/importaciones/${id}/`)).json();
  for (const hasta = Date.now() + 30_000; estado.estado !== "TERMINADA" && Date.now() < hasta; await new Promise((r) => setTimeout(r, 200)))
    estado = await (await admin.get(`/api/admin/importaciones/${id}/`)).json();
  expect(estado).toMatchObject({ estado: "TERMINADA", total: 5, procesadas: 5, resumen: { creadas: 3, actualizadas: 0, sin_cambios: 0, conflictos: 0, errores: 2 } });
  expect(estado.filas.map((f: { resultado: string }) => f.resultado)).toEqual(["crear", "error", "crear", "error", "crear"]);
  expect((await admin.get(`/api/admin/importaciones/${id}/csv`)).status()).toBe(200);
  expect((await (await admin.get("/api/admin/importaciones/")).json()).importaciones[0]).toMatchObject({ id, estado: "TERMINADA" });
  const otraVez = await (await enviar(contenido)).json();
  expect(otraVez.resumen).toEqual({ creadas: 0, actualizadas: 0, sin_cambios: 3, conflictos: 0, errores: 2, advertencias: 0 });

  const rechazos: [Buffer, string][] = [
    [Buffer.from(""), "ARCHIVO_VACIO"],
    [Buffer.from("referencia,destino\nA,B\n"), "ENCABEZADO_FALTANTE"],
    [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]), "ARCHIVO_NO_CSV"],
    [Buffer.alloc(5 * 1024 * 1024 + 100_000, "a"), "ARCHIVO_DEMASIADO_GRANDE"],
  ];
  for (const [buffer, codigo] of rechazos) {
    const r = await enviar(buffer, "false");
    expect([r.status(), (await r.json()).error_code]).toEqual([400, codigo]);
  }
  const sinSimulacion = await admin.post("/api/admin/importaciones/", { multipart: { archivo: { name: "r.csv", mimeType: CSV, buffer: contenido } } });
  expect(await sinSimulacion.json()).toMatchObject({ error_code: "DATOS_INVALIDOS", campos: { simulacion: "Indique simulacion: true o false" } });
  const comoJson = await admin.post("/api/admin/importaciones/", { data: { archivo: "x" } });
  expect([comoJson.status(), (await comoJson.json()).error_code]).toEqual([415, "TIPO_CONTENIDO_NO_SOPORTADO"]);
  expect((await admin.get("/api/admin/importaciones/999999/")).status()).toBe(404);
  const operador = await apiComo("operador@demo.bo");
  expect((await enviar(contenido, "true", operador)).status()).toBe(403);
  expect((await operador.get(`/api/admin/importaciones/${id}/`)).status()).toBe(403);
});
