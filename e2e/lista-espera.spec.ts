// The waiting list over HTTP against the production server (offers held LISTA_ESPERA_OFERTA_SEGUNDOS
// = 4 s there, so an expiry can be watched): a full day, people joining in order, a place freed by a
// reservation moving away, the offer by email, accepting it, letting one expire, and a crowd of
// concurrent joins, accepts and direct bookings that never exceed the day's capacity.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiComo, clienteNuevo, db, diaHabil, diaLocal, fijarCapacidad, reservaDirecta } from "./api-helpers";

async function hasta<T>(descripcion: string, fn: () => Promise<T | null | undefined | false>, limiteMs = 20_000): Promise<T> {
  const fin = Date.now() + limiteMs;
  for (;;) {
    const valor = await fn();
    if (valor) return valor;
    if (Date.now() > fin) throw new Error(`No ocurrió a tiempo: ${descripcion}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const entradas = async (api: APIRequestContext, reservaId: number) => (await (await api.get(`/api/reservas/${reservaId}/lista-espera/`)).json()).entradas as { fecha: string; estado: string; posicion: number | null; oferta: { vence_at: string } | null }[];
const enElDia = async (dia: string) =>
  (await db().query("SELECT count(*)::int AS n FROM reserva WHERE estado <> 'CANCELADA' AND to_char(fecha_inicio AT TIME ZONE 'America/La_Paz', 'YYYY-MM-DD') = $1", [dia])).rows[0].n as number;
const estadoEntrada = async (reservaId: number, dia: string) =>
  (await db().query("SELECT estado::text FROM entrada_lista_espera WHERE reserva_id = $1 AND dia = $2 ORDER BY id DESC LIMIT 1", [reservaId, dia])).rows[0]?.estado as string | undefined;

test("lista de espera: posiciones, oferta por correo al liberarse un lugar, aceptar, y una oferta vencida pasa al siguiente", async () => {
  test.setTimeout(90_000);
  const lleno = diaHabil(500, 10);
  const dia = diaLocal(lleno);
  await fijarCapacidad(dia, 2);
  // The day is full with X and Y; A, B and C have reservations on other days and want that one.
  const [x, y, a, b, c] = await Promise.all(["Ximena", "Yolanda", "Aurora", "Bruno", "Carla"].map((n) => clienteNuevo(n)));
  const rx = await reservaDirecta(x.id, lleno);
  const ry = await reservaDirecta(y.id, diaHabil(500, 15));
  const [ra, rb, rc] = await Promise.all([reservaDirecta(a.id, diaHabil(503, 9)), reservaDirecta(b.id, diaHabil(506, 11)), reservaDirecta(c.id, diaHabil(509, 16))]);
  const [apiA, apiB, apiC, apiX, apiY] = await Promise.all([a, b, c, x, y].map((u) => apiComo(u.email)));

  // A reschedule into the full day says the waiting list is there, truthfully (nobody in it yet).
  const lleno409 = await apiA.post(`/api/reservas/${ra}/reprogramar/`, { data: { nueva_fecha: diaHabil(500, 9).toISOString(), motivo: "Quiero viajar ese día" } });
  expect(lleno409.status()).toBe(409);
  expect((await lleno409.json()).disponibilidad).toMatchObject({ reservas_existentes: 2, capacidad_maxima: 2, lista_espera_disponible: true, personas_en_lista_espera: 0 });

  // Joining, in order: positions 1, 2, 3. A second join of the same day is refused; so is someone else's reservation.
  const unirA = await apiA.post(`/api/reservas/${ra}/lista-espera/`, { data: { fecha: dia } });
  expect(unirA.status()).toBe(201);
  expect(await unirA.json()).toMatchObject({ reserva_id: ra, fecha: dia, estado: "ESPERANDO", posicion: 1, personas_en_lista: 1, oferta: null });
  const unirB = await apiB.post(`/api/reservas/${rb}/lista-espera/`, { data: { fecha: diaHabil(500, 18).toISOString() } });
  expect(await unirB.json()).toMatchObject({ fecha: dia, posicion: 2, personas_en_lista: 2 });
  expect(await (await apiC.post(`/api/reservas/${rc}/lista-espera/`, { data: { fecha: dia } })).json()).toMatchObject({ posicion: 3 });
  const repetida = await apiA.post(`/api/reservas/${ra}/lista-espera/`, { data: { fecha: dia } });
  expect(repetida.status()).toBe(409);
  expect(await repetida.json()).toMatchObject({ error_code: "YA_EN_LISTA_ESPERA", entrada: { posicion: 1 } });
  const ajena = await apiB.post(`/api/reservas/${ra}/lista-espera/`, { data: { fecha: dia } });
  expect(ajena.status()).toBe(404);
  const conLista = await apiA.post(`/api/reservas/${ra}/reprogramar/`, { data: { nueva_fecha: diaHabil(500, 9).toISOString(), motivo: "Quiero viajar ese día" } });
  expect((await conLista.json()).disponibilidad).toMatchObject({ lista_espera_disponible: true, personas_en_lista_espera: 3 });

  // X moves away: the place goes to A as an offer, by email (the development mailbox), held for a while.
  expect((await apiX.post(`/api/reservas/${rx}/reprogramar/`, { data: { nueva_fecha: diaHabil(520, 10).toISOString(), motivo: "Cambio de planes del viaje" } })).status()).toBe(200);
  const [ofertaA] = await hasta("oferta para A", async () => (await entradas(apiA, ra)).find((e) => e.estado === "OFERTADA") && (await entradas(apiA, ra)));
  expect(ofertaA.oferta).not.toBeNull();
  const correo = await hasta("correo de oferta a A", async () => (await db().query("SELECT asunto, texto FROM correo_desarrollo WHERE para = $1", [a.email])).rows[0]);
  expect(correo.asunto).toBe(`Se liberó un lugar para tu reserva #${ra}`);
  expect(correo.texto).toContain("lista de espera");
  expect((await entradas(apiB, rb))[0]).toMatchObject({ estado: "ESPERANDO", posicion: 1 });
  // The offered place is taken for everyone else: B cannot book it directly.
  const robo = await apiB.post(`/api/reservas/${rb}/reprogramar/`, { data: { nueva_fecha: diaHabil(500, 11).toISOString(), motivo: "Intento directo al día" } });
  expect(robo.status()).toBe(409);

  // A accepts: the ordinary reschedule, at A's own local time on that day.
  const acepta = await apiA.post(`/api/reservas/${ra}/lista-espera/aceptar/`);
  expect(acepta.status()).toBe(200);
  expect(await acepta.json()).toMatchObject({ id: ra, estado: "REPROGRAMADA", fecha_inicio: diaHabil(500, 9).toISOString(), numero_reprogramaciones: 1 });
  expect(await estadoEntrada(ra, dia)).toBe("ACEPTADA");
  expect(await enElDia(dia)).toBe(2);
  const historial = await (await apiA.get(`/api/reservas/${ra}/historial-reprogramacion/`)).json();
  expect(historial[0]).toMatchObject({ motivo: `Lugar liberado en la lista de espera del ${dia}`, tipo_reprogramacion: "CLIENTE" });

  // Y moves away: B is offered the place and lets it expire (4 s here); it passes to C.
  expect((await apiY.post(`/api/reservas/${ry}/reprogramar/`, { data: { nueva_fecha: diaHabil(522, 10).toISOString(), motivo: "Cambio de planes del viaje" } })).status()).toBe(200);
  await hasta("oferta para B", async () => (await estadoEntrada(rb, dia)) === "OFERTADA");
  await hasta("la oferta de B vence y pasa a C", async () => (await estadoEntrada(rb, dia)) === "VENCIDA" && (await estadoEntrada(rc, dia)) === "OFERTADA", 15_000);
  const tarde = await apiB.post(`/api/reservas/${rb}/lista-espera/aceptar/`);
  expect(tarde.status()).toBe(409);
  expect((await tarde.json()).error_code).toBe("SIN_OFERTA");
  // C declines (DELETE): nobody is left in line, the place is free for anyone again.
  const rechaza = await apiC.delete(`/api/reservas/${rc}/lista-espera/?fecha=${dia}`);
  expect(rechaza.status()).toBe(200);
  expect(await rechaza.json()).toMatchObject({ estado: "RECHAZADA" });
  const libre = await apiB.post(`/api/reservas/${rb}/reprogramar/`, { data: { nueva_fecha: diaHabil(500, 11).toISOString(), motivo: "Ahora sí hay lugar" } });
  expect(libre.status()).toBe(200);
  expect(await enElDia(dia)).toBe(2);
});

test("lista de espera: no se espera un día bloqueado por las reglas, ni uno con lugares libres; datos inválidos son 400", async () => {
  const cliente = await clienteNuevo("Diego");
  const api = await apiComo(cliente.email);
  const r = await reservaDirecta(cliente.id, diaHabil(530));
  const domingo = new Date(diaHabil(533).getTime());
  while (new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: "America/La_Paz" }).format(domingo) !== "Sun") domingo.setTime(domingo.getTime() + 86_400_000);
  const bloqueado = await api.post(`/api/reservas/${r}/lista-espera/`, { data: { fecha: diaLocal(domingo) } });
  expect(bloqueado.status()).toBe(400);
  expect((await bloqueado.json()).error_code).toBe("DIA_BLACKOUT");
  const conLugar = await api.post(`/api/reservas/${r}/lista-espera/`, { data: { fecha: diaLocal(diaHabil(536)) } });
  expect(conLugar.status()).toBe(409);
  expect((await conLugar.json()).error_code).toBe("FECHA_DISPONIBLE");
  for (const data of [{}, { fecha: "mañana" }, { fecha: "2026-02-30" }, { fecha: diaLocal(diaHabil(536)), extra: 1 }]) {
    const malo = await api.post(`/api/reservas/${r}/lista-espera/`, { data });
    expect(malo.status()).toBe(400);
    expect(await malo.json()).toMatchObject({ error_code: "DATOS_INVALIDOS", detail: expect.any(String) });
  }
  expect((await api.delete(`/api/reservas/${r}/lista-espera/?fecha=${diaLocal(diaHabil(536))}`)).status()).toBe(404);
  expect((await db().query("SELECT count(*)::int AS n FROM entrada_lista_espera WHERE reserva_id = $1", [r])).rows[0].n).toBe(0);
});

test("lista de espera: 50 uniones, aceptaciones y reservas directas a la vez nunca superan la capacidad", async () => {
  test.setTimeout(120_000);
  const base = diaHabil(550, 10);
  const dia = diaLocal(base);
  await fijarCapacidad(dia, 4);
  const operador = await apiComo("operador@demo.bo");
  const clientes = await Promise.all(Array.from({ length: 34 }, (_, i) => clienteNuevo(`Persona${i}`)));
  const ocupantes = await Promise.all(clientes.slice(0, 4).map((c, i) => reservaDirecta(c.id, diaHabil(550, 8 + i))));
  const interesadas = await Promise.all(clientes.slice(4).map((c, i) => reservaDirecta(c.id, diaHabil(553 + (i % 10) * 2, 9))));

  // 30 joins at once (staff acting for the clients): 30 distinct places in line, 1..30.
  const uniones = await Promise.all(interesadas.map((r) => operador.post(`/api/reservas/${r}/lista-espera/`, { data: { fecha: dia } })));
  expect(uniones.map((u) => u.status())).toEqual(interesadas.map(() => 201));
  const posiciones = (await Promise.all(uniones.map((u) => u.json()))).map((e) => e.posicion).sort((p, q) => p - q);
  expect(posiciones).toEqual(interesadas.map((_, i) => i + 1));

  // Two occupants leave: two offers, to the first two in line.
  await Promise.all(ocupantes.slice(0, 2).map((r, i) => operador.post(`/api/reservas/${r}/reprogramar/`, { data: { nueva_fecha: diaHabil(560, 9 + i).toISOString(), motivo: "Se mueve por pruebas" } })));
  await hasta("dos ofertas", async () => (await db().query("SELECT count(*)::int AS n FROM entrada_lista_espera WHERE dia = $1 AND estado = 'OFERTADA'", [dia])).rows[0].n === 2);

  // 50 requests at once: every interested reservation tries to accept, and 20 of them also try to book directly.
  const peticiones = [
    ...interesadas.map((r) => operador.post(`/api/reservas/${r}/lista-espera/aceptar/`)),
    ...interesadas.slice(0, 20).map((r) => operador.post(`/api/reservas/${r}/reprogramar/`, { data: { nueva_fecha: diaHabil(550, 12).toISOString(), motivo: "Intento directo en paralelo" } })),
  ];
  expect(peticiones).toHaveLength(50);
  const estados = (await Promise.all(peticiones)).map((p) => p.status());
  expect(estados.filter((s) => s >= 500)).toEqual([]);
  expect(estados.filter((s) => s === 200)).toHaveLength(2);
  expect(await enElDia(dia)).toBe(4);
  const [{ n: ofertadas }] = (await db().query("SELECT count(*)::int AS n FROM entrada_lista_espera WHERE dia = $1 AND estado = 'OFERTADA'", [dia])).rows;
  expect(ofertadas).toBe(0);
});
