// Notification list, metrics and realtime endpoints over HTTP: shapes, filters, role boundaries.
import { expect, test } from "@playwright/test";
import { apiComo, diaHabil, idDeUsuario, reservaDirecta } from "./api-helpers";

test("la lista de notificaciones tiene la forma §2C y solo la ve el personal", async () => {
  const cliente = await apiComo("cliente@demo.bo");
  const operador = await apiComo("operador@demo.bo");
  const id = await reservaDirecta(await idDeUsuario("cliente@demo.bo"), diaHabil(210));
  const r = await cliente.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: diaHabil(212).toISOString(), motivo: "Cliente solicitó cambio" } });
  expect(r.status()).toBe(200);
  expect((await r.json()).notificaciones).toMatchObject({ cliente_notificado: false, soporte_notificado: true, emails_enviados: 0, emails_en_cola: 2, estado: "EN_COLA" });

  const lista = await operador.get("/api/notificaciones/reprogramaciones/?por_pagina=100");
  expect(lista.status()).toBe(200);
  const cuerpo = await lista.json();
  expect(cuerpo).toMatchObject({ total: expect.any(Number), no_leidas: expect.any(Number), pagina: 1 });
  expect(cuerpo.notificaciones.find((n: { reserva_id: number }) => n.reserva_id === id)).toEqual({
    id: expect.any(Number),
    tipo: "reprogramacion",
    reserva_id: id,
    cliente: { nombre: "Juan Pérez", email: "cliente@demo.bo" },
    fecha_anterior: diaHabil(210).toISOString(),
    fecha_nueva: diaHabil(212).toISOString(),
    motivo: "Cliente solicitó cambio",
    reprogramado_por: "Juan Pérez",
    tipo_reprogramacion: "CLIENTE",
    timestamp: expect.any(String),
    leida: false,
  });

  expect((await cliente.get("/api/notificaciones/reprogramaciones/")).status()).toBe(403);
  expect((await cliente.post("/api/notificaciones/reprogramaciones/marcar-todas/")).status()).toBe(403);
});

test("marcar leída y no leída; filtros y errores de entrada", async () => {
  const operador = await apiComo("operador@demo.bo");
  const cliente = await apiComo("cliente@demo.bo");
  const id = await reservaDirecta(await idDeUsuario("cliente@demo.bo"), diaHabil(215));
  await cliente.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: diaHabil(217).toISOString(), motivo: "Cambio por trabajo" } });
  const noLeidas = await (await operador.get("/api/notificaciones/reprogramaciones/?leida=false&por_pagina=100")).json();
  const mia = noLeidas.notificaciones.find((n: { reserva_id: number }) => n.reserva_id === id);
  expect(mia.leida).toBe(false);

  const marcada = await operador.patch(`/api/notificaciones/reprogramaciones/${mia.id}/`, { data: { leida: true } });
  expect(marcada.status()).toBe(200);
  expect(await marcada.json()).toMatchObject({ id: mia.id, leida: true, no_leidas: expect.any(Number) });
  const leidas = await (await operador.get("/api/notificaciones/reprogramaciones/?leida=true&por_pagina=100")).json();
  expect(leidas.notificaciones.some((n: { id: number }) => n.id === mia.id)).toBe(true);
  const desmarcada = await operador.patch(`/api/notificaciones/reprogramaciones/${mia.id}/`, { data: { leida: false } });
  expect((await desmarcada.json()).leida).toBe(false);

  const hoy = new Date().toISOString().slice(0, 10);
  const futuro = await (await operador.get("/api/notificaciones/reprogramaciones/?desde=2099-01-01")).json();
  expect(futuro).toMatchObject({ notificaciones: [], total: 0, no_leidas: 0 });
  expect((await operador.get(`/api/notificaciones/reprogramaciones/?hasta=${hoy}&por_pagina=1&pagina=1`)).status()).toBe(200);

  for (const [ruta, status, codigo] of [
    ["/api/notificaciones/reprogramaciones/?leida=quizas", 400, "DATOS_INVALIDOS"],
    ["/api/notificaciones/reprogramaciones/?desde=ayer", 400, "DATOS_INVALIDOS"],
    ["/api/notificaciones/reprogramaciones/?pagina=0", 400, "DATOS_INVALIDOS"],
    ["/api/notificaciones/reprogramaciones/?otro=1", 400, "DATOS_INVALIDOS"],
  ] as const) {
    const respuesta = await operador.get(ruta);
    expect(respuesta.status(), ruta).toBe(status);
    expect((await respuesta.json()).error_code).toBe(codigo);
  }
  const malCuerpo = await operador.patch(`/api/notificaciones/reprogramaciones/${mia.id}/`, { data: { leida: "si" } });
  expect(malCuerpo.status()).toBe(400);
  const inexistente = await operador.patch("/api/notificaciones/reprogramaciones/999999/", { data: { leida: true } });
  expect(inexistente.status()).toBe(404);
  expect((await inexistente.json()).error_code).toBe("NO_ENCONTRADO");
});

test("métricas: solo ADMIN, con los campos de §6 y validación del periodo", async () => {
  const admin = await apiComo("admin@demo.bo");
  const operador = await apiComo("operador@demo.bo");
  expect((await operador.get("/api/metricas/notificaciones/")).status()).toBe(403);
  const r = await admin.get("/api/metricas/notificaciones/?desde=2020-01-01");
  expect(r.status()).toBe(200);
  const m = await r.json();
  expect(Object.keys(m)).toEqual(
    expect.arrayContaining(["periodo", "total_reprogramaciones", "notificaciones_enviadas", "tasa_entrega", "por_canal", "latencia_ms", "errores_por_tipo", "volumen_por_dia"]),
  );
  expect(Object.keys(m.por_canal)).toEqual(["email_cliente", "email_admin", "sms", "tiempo_real"]);
  const invertido = await admin.get("/api/metricas/notificaciones/?desde=2026-12-01&hasta=2026-11-01");
  expect(invertido.status()).toBe(400);
  expect((await invertido.json()).error_code).toBe("DATOS_INVALIDOS");
});

test("tiempo real: el stream y la autorización de Pusher son solo para el personal", async () => {
  const cliente = await apiComo("cliente@demo.bo");
  const operador = await apiComo("operador@demo.bo");
  expect((await cliente.get("/api/realtime/stream")).status()).toBe(403);
  const auth = await cliente.post("/api/realtime/auth", { form: { socket_id: "123.456", channel_name: "private-soporte-reprogramaciones" } });
  expect(auth.status()).toBe(403);
  // This server runs without PUSHER_*: staff are told to use the built-in feed.
  const sinPusher = await operador.post("/api/realtime/auth", { form: { socket_id: "123.456", channel_name: "private-soporte-reprogramaciones" } });
  expect(sinPusher.status()).toBe(404);
  expect((await sinPusher.json()).error_code).toBe("TIEMPO_REAL_SIN_PUSHER");
  const canalAjeno = await operador.post("/api/realtime/auth", { form: { socket_id: "123.456", channel_name: "private-otro" } });
  expect(canalAjeno.status()).toBe(400);
});
