// 50 parallel requests against the real server: capacity and the reschedule limit hold under load.
import { expect, test } from "@playwright/test";
import { apiComo, db, diaHabil, diaLocal, fijarCapacidad, idDeUsuario, reservaDirecta } from "./api-helpers";

test("un día con 5 lugares libres acepta exactamente 5 de 50 movimientos simultáneos", async () => {
  const operador = await apiComo("operador@demo.bo");
  const juan = await idDeUsuario("cliente@demo.bo");
  const destino = diaHabil(90, 16);
  await fijarCapacidad(diaLocal(destino), 5);
  const ids: number[] = [];
  for (let i = 0; i < 50; i++) ids.push(await reservaDirecta(juan, diaHabil(100 + (i % 10))));
  const respuestas = await Promise.all(
    ids.map((id) => operador.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: destino.toISOString(), motivo: "Movimiento concurrente de prueba" } })),
  );
  const estados = respuestas.map((r) => r.status());
  expect(estados.filter((s) => s >= 500)).toEqual([]);
  expect(estados.filter((s) => s === 200)).toHaveLength(5);
  expect(estados.filter((s) => s === 409)).toHaveLength(45);
  const { rows } = await db().query("SELECT count(*)::int n FROM reserva WHERE fecha_inicio = $1", [destino]);
  expect(rows[0].n).toBe(5);
});

test("una reserva con una reprogramación restante acepta exactamente una de 50 simultáneas", async () => {
  const cliente = await apiComo("cliente@demo.bo");
  const id = await reservaDirecta(await idDeUsuario("cliente@demo.bo"), diaHabil(120), { reprogramaciones: 2 });
  const respuestas = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      cliente.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: diaHabil(122, 9, i).toISOString(), motivo: `Intento simultáneo número ${i}` } }),
    ),
  );
  const estados = respuestas.map((r) => r.status());
  expect(estados.filter((s) => s >= 500)).toEqual([]);
  expect(estados.filter((s) => s === 200)).toHaveLength(1);
  const rechazos = await Promise.all(respuestas.filter((r) => r.status() !== 200).map((r) => r.json()));
  expect(rechazos.every((b) => b.error_code === "LIMITE_REPROGRAMACIONES_EXCEDIDO")).toBe(true);
  const { rows } = await db().query("SELECT numero_reprogramaciones, (SELECT count(*)::int FROM historial_reprogramacion WHERE reserva_id = $1) h FROM reserva WHERE id = $1", [id]);
  expect(rows[0]).toEqual({ numero_reprogramaciones: 3, h: 1 });
});

test("reprogramación masiva: cada reserva atómica por separado, un resultado por reserva", async () => {
  const admin = await apiComo("admin@demo.bo");
  const juan = await idDeUsuario("cliente@demo.bo");
  const buenas = [await reservaDirecta(juan, diaHabil(130)), await reservaDirecta(juan, diaHabil(131))];
  const cancelada = await reservaDirecta(juan, diaHabil(132), { estado: "CANCELADA" });
  const r = await admin.post("/api/admin/reprogramaciones/", {
    data: { reserva_ids: [...buenas, cancelada, 999999], nueva_fecha: diaHabil(135, 9).toISOString(), motivo: "Reprogramación masiva por mantenimiento", bypass_reglas: ["TIEMPO_MINIMO"] },
  });
  expect(r.status()).toBe(200);
  const body = await r.json();
  expect(body.resumen).toEqual({ total: 4, exitosas: 2, fallidas: 2 });
  expect(body.resultados.map((x: { reserva_id: number; status: number }) => [x.reserva_id, x.status])).toEqual([
    [buenas[0], 200],
    [buenas[1], 200],
    [cancelada, 409],
    [999999, 404],
  ]);
  const demasiadas = await admin.post("/api/admin/reprogramaciones/", { data: { reserva_ids: Array.from({ length: 501 }, (_, i) => i + 1), nueva_fecha: diaHabil(135).toISOString(), motivo: "Demasiadas reservas" } });
  expect(demasiadas.status()).toBe(400);
});
