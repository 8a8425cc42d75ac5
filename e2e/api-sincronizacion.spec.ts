// The agency's system pushes its bookings: client by email, idempotent by referencia_externa,
// corrections by PATCH (never the date), lookup by code. Responses are checked against the document.
import { expect, test } from "@playwright/test";
import { apiComo, db, diaHabil } from "./api-helpers";

const ref = () => `AG-${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
const reservaDe = (referencia: string, email: string, extra: Record<string, unknown> = {}) => ({
  referencia_externa: referencia,
  cliente: { email, nombre: "Marcela", apellido: "Quiroga", celular: "71234567" },
  destino: "Salar de Uyuni",
  fecha_inicio: diaHabil(190).toISOString(),
  total: "1800.00",
  servicios: [{ tipo: "TOUR", descripcion: "Tour 3 días", precio: "1800.00" }],
  ...extra,
});

test("sincronización: crea con el cliente por correo; la misma reserva otra vez es 200 sin crear nada; con otros datos, 409 que señala PATCH", async () => {
  const operador = await apiComo("operador@demo.bo");
  const referencia = ref();
  const email = `Marcela.${referencia.toLowerCase()}@Prueba.bo`;
  const creada = await operador.post("/api/reservas/", { data: reservaDe(referencia, email) });
  expect(creada.status()).toBe(201);
  const reserva = await creada.json();
  expect(reserva).toMatchObject({ referencia_externa: referencia, destino: "Salar de Uyuni", total: "1800.00", cliente: { email } });
  const cliente = (await db().query("SELECT rol, password_hash, telefono FROM usuario WHERE id = $1", [reserva.usuario])).rows[0];
  expect(cliente).toEqual({ rol: "CLIENTE", password_hash: null, telefono: "+59171234567" });

  const otraVez = await operador.post("/api/reservas/", { data: reservaDe(referencia, email.toLowerCase()) });
  expect(otraVez.status()).toBe(200);
  expect((await otraVez.json()).id).toBe(reserva.id);
  expect((await db().query("SELECT count(*)::int AS n FROM reserva WHERE referencia_externa = $1", [referencia])).rows[0].n).toBe(1);
  expect((await db().query("SELECT count(*)::int AS n FROM usuario WHERE lower(email) = lower($1)", [email])).rows[0].n).toBe(1);

  const distinta = await operador.post("/api/reservas/", { data: reservaDe(referencia, email, { total: "1900.00" }) });
  expect(distinta.status()).toBe(409);
  expect(await distinta.json()).toMatchObject({ error_code: "REFERENCIA_EXISTENTE", reserva_id: reserva.id, diferencias: ["total"] });
  expect((await distinta.json()).detail).toContain(`PATCH /api/reservas/${reserva.id}/`);

  const buscada = await (await operador.get(`/api/reservas/?referencia=${referencia}`)).json();
  expect(buscada.reservas.map((r: { id: number }) => r.id)).toEqual([reserva.id]);
});

test("sincronización: 10 envíos simultáneos de una reserva nueva crean una sola (un 201, nueve 200) y un solo cliente", async () => {
  const operador = await apiComo("operador@demo.bo");
  const referencia = ref();
  const email = `carrera.${referencia.toLowerCase()}@prueba.bo`;
  const respuestas = await Promise.all(Array.from({ length: 10 }, () => operador.post("/api/reservas/", { data: reservaDe(referencia, email) })));
  expect(respuestas.map((r) => r.status()).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
  expect(new Set(await Promise.all(respuestas.map(async (r) => (await r.json()).id))).size).toBe(1);
  expect((await db().query("SELECT count(*)::int AS n FROM reserva WHERE referencia_externa = $1", [referencia])).rows[0].n).toBe(1);
  expect((await db().query("SELECT count(*)::int AS n FROM usuario WHERE lower(email) = lower($1)", [email])).rows[0].n).toBe(1);
});

test("PATCH corrige total y servicios con auditoría; la fecha no se edita (400 CAMPO_NO_EDITABLE) y una reprogramada sigue siendo la misma reserva al sincronizar", async () => {
  const operador = await apiComo("operador@demo.bo");
  const referencia = ref();
  const email = `patch.${referencia.toLowerCase()}@prueba.bo`;
  const { id } = await (await operador.post("/api/reservas/", { data: reservaDe(referencia, email) })).json();
  const cambio = await operador.patch(`/api/reservas/${id}/`, { data: { total: "2100.00", servicios: [{ tipo: "TOUR", descripcion: "Tour 3 días con guía", precio: "2100.00" }] } });
  expect(cambio.status()).toBe(200);
  expect(await cambio.json()).toMatchObject({ total: "2100.00", servicios: [{ descripcion: "Tour 3 días con guía", precio: "2100.00" }] });
  const auditoria = (await db().query("SELECT cambios FROM auditoria_reserva WHERE reserva_id = $1", [id])).rows;
  expect(auditoria).toHaveLength(1);
  expect(auditoria[0].cambios.total).toEqual({ antes: "1800.00", despues: "2100.00" });

  const antes = (await db().query("SELECT fecha_inicio, updated_at FROM reserva WHERE id = $1", [id])).rows[0];
  const fecha = await operador.patch(`/api/reservas/${id}/`, { data: { fecha_inicio: diaHabil(195).toISOString(), total: "1.00" } });
  expect(fecha.status()).toBe(400);
  expect(await fecha.json()).toMatchObject({ error_code: "CAMPO_NO_EDITABLE" });
  expect((await db().query("SELECT fecha_inicio, updated_at, total::text FROM reserva WHERE id = $1", [id])).rows[0]).toEqual({ ...antes, total: "2100.00" });

  // Rescheduled inside the product: the agency's system resending its original date is still the same booking.
  expect((await operador.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: diaHabil(193).toISOString(), motivo: "Cambio pedido por el cliente" } })).status()).toBe(200);
  const repetida = await operador.post("/api/reservas/", { data: reservaDe(referencia, email, { total: "2100.00", servicios: [{ tipo: "TOUR", descripcion: "Tour 3 días con guía", precio: "2100.00" }] }) });
  expect(repetida.status()).toBe(200);
  expect((await repetida.json()).fecha_inicio).toBe(diaHabil(193).toISOString());

  const cliente = await apiComo("cliente@demo.bo");
  expect((await cliente.patch(`/api/reservas/${id}/`, { data: { total: "1.00" } })).status()).toBe(403);
  expect((await cliente.get(`/api/reservas/${id}/`)).status()).toBe(404);
  expect((await operador.get(`/api/reservas/${id}/`)).status()).toBe(200);
});
