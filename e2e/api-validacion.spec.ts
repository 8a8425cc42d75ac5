// Bad input never half-applies: each invalid request is a 4xx with detail + error_code, DB unchanged.
import { expect, test } from "@playwright/test";
import { apiComo, db, diaHabil, idDeUsuario, reservaDirecta } from "./api-helpers";

test("validaciones del payload de reprogramación (400) sin cambios en la base", async () => {
  const cliente = await apiComo("cliente@demo.bo");
  const juan = await idDeUsuario("cliente@demo.bo");
  const inicio = diaHabil(70);
  const id = await reservaDirecta(juan, inicio);
  const buena = diaHabil(72).toISOString();
  const casos: [string, unknown, string, string?][] = [
    ["sin nueva_fecha", { motivo: "Motivo suficientemente largo" }, "DATOS_INVALIDOS", "nueva_fecha"],
    ["fecha ilegible", { nueva_fecha: "mañana", motivo: "Motivo suficientemente largo" }, "DATOS_INVALIDOS", "nueva_fecha"],
    ["fecha pasada", { nueva_fecha: "2020-01-06T10:00:00Z", motivo: "Motivo suficientemente largo" }, "FECHA_EN_PASADO", "nueva_fecha"],
    ["misma fecha", { nueva_fecha: inicio.toISOString(), motivo: "Motivo suficientemente largo" }, "MISMA_FECHA", "nueva_fecha"],
    ["motivo corto", { nueva_fecha: buena, motivo: "corto" }, "DATOS_INVALIDOS", "motivo"],
    ["motivo largo", { nueva_fecha: buena, motivo: "x".repeat(1001) }, "DATOS_INVALIDOS", "motivo"],
    ["tipo incorrecto", { nueva_fecha: 20261201, motivo: "Motivo suficientemente largo" }, "DATOS_INVALIDOS", "nueva_fecha"],
    ["campo desconocido", { nueva_fecha: buena, motivo: "Motivo suficientemente largo", color: "azul" }, "DATOS_INVALIDOS", "color"],
    ["no es objeto", [1, 2], "JSON_INVALIDO"],
  ];
  for (const [nombre, data, codigo, campo] of casos) {
    const r = await cliente.post(`/api/reservas/${id}/reprogramar/`, { data: data as object });
    expect(r.status(), nombre).toBe(400);
    const body = await r.json();
    expect(body.error_code, nombre).toBe(codigo);
    expect(typeof body.detail, nombre).toBe("string");
    if (campo) expect(Object.keys(body.campos), nombre).toContain(campo);
  }
  const noJson = await cliente.post(`/api/reservas/${id}/reprogramar/`, { headers: { "content-type": "application/json" }, data: "{nueva_fecha:" });
  expect(noJson.status()).toBe(400);
  expect((await noJson.json()).error_code).toBe("JSON_INVALIDO");
  const { rows } = await db().query("SELECT numero_reprogramaciones, fecha_inicio FROM reserva WHERE id = $1", [id]);
  expect(rows[0].numero_reprogramaciones).toBe(0);
  expect(new Date(rows[0].fecha_inicio).toISOString()).toBe(inicio.toISOString());
});

test("una reserva cancelada no se puede mover (409)", async () => {
  const cliente = await apiComo("cliente@demo.bo");
  const id = await reservaDirecta(await idDeUsuario("cliente@demo.bo"), diaHabil(74), { estado: "CANCELADA" });
  const r = await cliente.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: diaHabil(76).toISOString(), motivo: "Quiero reactivarla" } });
  expect(r.status()).toBe(409);
  expect(await r.json()).toMatchObject({ error_code: "RESERVA_NO_REPROGRAMABLE", estado: "CANCELADA" });
});

test("límites de rol", async () => {
  const cliente = await apiComo("cliente@demo.bo");
  const operador = await apiComo("operador@demo.bo");
  const vipId = await reservaDirecta(await idDeUsuario("vip@demo.bo"), diaHabil(78));
  const propia = await reservaDirecta(await idDeUsuario("cliente@demo.bo"), diaHabil(78));
  const payload = { nueva_fecha: diaHabil(80).toISOString(), motivo: "Motivo suficientemente largo" };

  // A client never sees another client's reservation: 404 everywhere, as if it did not exist.
  for (const ruta of [`/api/reservas/${vipId}/puede-reprogramar/`, `/api/reservas/${vipId}/historial-reprogramacion/`]) {
    expect((await cliente.get(ruta)).status(), ruta).toBe(404);
  }
  const ajena = await cliente.post(`/api/reservas/${vipId}/reprogramar/`, { data: payload });
  expect(ajena.status()).toBe(404);
  expect((await ajena.json()).error_code).toBe("NO_ENCONTRADO");
  const lista = await (await cliente.get("/api/reservas/")).json();
  expect(lista.reservas.every((r: { cliente: { email: string } }) => r.cliente.email === "cliente@demo.bo")).toBe(true);
  // Asking for another client's list still returns only the caller's own reservations.
  const filtrada = await (await cliente.get(`/api/reservas/?usuario=${await idDeUsuario("vip@demo.bo")}`)).json();
  expect(filtrada.reservas.length).toBeGreaterThan(0);
  expect(filtrada.reservas.every((r: { cliente: { email: string } }) => r.cliente.email === "cliente@demo.bo")).toBe(true);

  // Staff-only fields from a client: 403 naming them.
  for (const campo of [{ aplicar_descuento: true, porcentaje_descuento: 5 }, { observaciones_internas: "x" }, { prioridad: "ALTA" }, { bypass_reglas: ["TIEMPO_MINIMO"] }]) {
    const r = await cliente.post(`/api/reservas/${propia}/reprogramar/`, { data: { ...payload, ...campo } });
    expect(r.status(), JSON.stringify(campo)).toBe(403);
    const body = await r.json();
    expect(body.error_code).toBe("PERMISO_DENEGADO");
    expect(body.campos_no_permitidos).toEqual(Object.keys(campo));
  }
  // Operator: bypass is for admins; more than 50 % needs an admin.
  const bypass = await operador.post(`/api/reservas/${propia}/reprogramar/`, { data: { ...payload, bypass_reglas: ["TIEMPO_MINIMO"] } });
  expect(bypass.status()).toBe(403);
  expect((await bypass.json()).detail).toContain("administradores");
  const descuento = await operador.post(`/api/reservas/${propia}/reprogramar/`, { data: { ...payload, aplicar_descuento: true, porcentaje_descuento: 60 } });
  expect(descuento.status()).toBe(403);
  expect(await descuento.json()).toMatchObject({ error_code: "DESCUENTO_REQUIERE_APROBACION_ADMIN", porcentaje_maximo_operador: 50 });
  // Admin-only endpoints.
  expect((await operador.post("/api/admin/reprogramaciones/", { data: { reserva_id: propia, ...payload } })).status()).toBe(403);
  expect((await cliente.post("/api/reservas/", { data: {} })).status()).toBe(403);
  expect((await cliente.get("/api/reglas/")).status()).toBe(403);
  expect((await operador.post("/api/reglas/", { data: {} })).status()).toBe(403);
  const { rows } = await db().query("SELECT numero_reprogramaciones FROM reserva WHERE id = ANY($1) ORDER BY id", [[vipId, propia]]);
  expect(rows.map((r) => r.numero_reprogramaciones)).toEqual([0, 0]);
});

test("reglas: CRUD de administrador con validación por tipo", async () => {
  const admin = await apiComo("admin@demo.bo");
  const operador = await apiComo("operador@demo.bo");
  const creada = await admin.post("/api/reglas/", {
    data: {
      nombre: "Sin feriados",
      tipo_regla: "DIA_BLACKOUT",
      aplicable_a: "CLIENTE",
      valor_texto: "feriados",
      activa: false,
      prioridad: 50,
      mensaje_error: "No se permite reprogramar en feriados",
      fecha_inicio_vigencia: "2026-10-01T00:00:00Z",
      fecha_fin_vigencia: "2027-12-31T23:59:59Z",
      condiciones_extras: { incluir_feriados_locales: ["2026-12-24"] },
    },
  });
  expect(creada.status()).toBe(201);
  const regla = await creada.json();
  expect(regla).toMatchObject({ valor_texto: "FERIADOS", activa: false, creado_por: { username: "admin@demo.bo", first_name: "Carlos" } });
  expect(regla.created_at).toBeTruthy();
  expect((await (await operador.get(`/api/reglas/${regla.id}/`)).json()).nombre).toBe("Sin feriados");

  const invalidas: [object, string][] = [
    [{ nombre: "X horas", tipo_regla: "TIEMPO_MINIMO", valor_numerico: -5, mensaje_error: "mensaje" }, "valor_numerico"],
    [{ nombre: "Sin valor", tipo_regla: "LIMITE_REPROGRAMACIONES", mensaje_error: "mensaje" }, "valor_numerico"],
    [{ nombre: "Días raros", tipo_regla: "DIA_BLACKOUT", valor_texto: "LUNES,FUNDAY", mensaje_error: "mensaje" }, "valor_texto"],
    [{ nombre: "Vigencia", tipo_regla: "TIEMPO_MINIMO", valor_numerico: 5, mensaje_error: "mensaje", fecha_inicio_vigencia: "2027-01-01T00:00:00Z", fecha_fin_vigencia: "2026-01-01T00:00:00Z" }, "fecha_fin_vigencia"],
  ];
  for (const [data, campo] of invalidas) {
    const r = await admin.post("/api/reglas", { data });
    expect(r.status(), campo).toBe(400);
    expect(Object.keys((await r.json()).campos), campo).toContain(campo);
  }
  const cambio = await admin.patch(`/api/reglas/${regla.id}/`, { data: { id: regla.id, valor_texto: "SABADO,DOMINGO,FERIADOS", mensaje_error: "No se permite reprogramar para fines de semana ni feriados" } });
  expect(cambio.status()).toBe(200);
  expect((await cambio.json()).valor_texto).toBe("SABADO,DOMINGO,FERIADOS");
  expect((await admin.patch(`/api/reglas/${regla.id}/`, { data: { valor_texto: "" } })).status()).toBe(400);
  expect((await operador.patch(`/api/reglas/${regla.id}/`, { data: { activa: true } })).status()).toBe(403);
  expect((await admin.delete(`/api/reglas/${regla.id}/`)).status()).toBe(204);
  expect((await admin.get(`/api/reglas/${regla.id}/`)).status()).toBe(404);
});

test("staff crea una reserva para un cliente", async () => {
  const operador = await apiComo("operador@demo.bo");
  const juan = await idDeUsuario("cliente@demo.bo");
  const r = await operador.post("/api/reservas/", {
    data: { usuario: juan, destino: "Sucre colonial", fecha_inicio: diaHabil(82).toISOString(), total: "1200.50", servicios: [{ tipo: "HOTEL", descripcion: "Hotel 2 noches", precio: "1200.50" }] },
  });
  expect(r.status()).toBe(201);
  expect(await r.json()).toMatchObject({ usuario: juan, total: "1200.50", moneda: "BOB", estado: "CONFIRMADA", servicios: [{ precio: "1200.50" }] });
  const mala = await operador.post("/api/reservas/", { data: { usuario: juan, destino: "X", fecha_inicio: diaHabil(82).toISOString(), total: "-3" } });
  expect(mala.status()).toBe(400);
  expect((await operador.post("/api/reservas/", { data: { usuario: await idDeUsuario("operador@demo.bo"), destino: "Sucre", fecha_inicio: diaHabil(82).toISOString(), total: "10.00" } })).status()).toBe(400);
});
