// Seed 003 §8 dataset over HTTP against the production server and the real database.
import { expect, test } from "@playwright/test";
import { apiComo, db, diaHabil, diaLocal, fijarCapacidad, idDeUsuario, proximoDomingo, reservaDirecta } from "./api-helpers";

let juan: number;
test.beforeAll(async () => {
  juan = await idDeUsuario("cliente@demo.bo");
});

test("reprogramacion_valida_cliente: 200 con la forma de §1", async () => {
  const cliente = await apiComo("cliente@demo.bo");
  const original = diaHabil(40);
  const id = await reservaDirecta(juan, original);
  const nueva = diaHabil(42, 10);
  const r = await cliente.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: nueva.toISOString(), motivo: "Cambio de horario laboral" } });
  expect(r.status()).toBe(200);
  const body = await r.json();
  expect(body).toMatchObject({
    id,
    usuario: juan,
    fecha_inicio: nueva.toISOString(),
    estado: "REPROGRAMADA",
    fecha_original: original.toISOString(),
    motivo_reprogramacion: "Cambio de horario laboral",
    numero_reprogramaciones: 1,
    reprogramado_por: juan,
    total: "2400.00",
    moneda: "BOB",
    costo_reprogramacion: "0.00",
    notificaciones: { soporte_notificado: true },
  });
  expect(body.validaciones_aplicadas).toEqual([
    { regla: "TIEMPO_MINIMO", resultado: "APROBADO", detalle: expect.stringMatching(/^\d+ horas de anticipación \(requerido: 24\)$/) },
    { regla: "LIMITE_REPROGRAMACIONES", resultado: "APROBADO", detalle: "Ha usado 0 de 3 reprogramaciones permitidas" },
    { regla: "DIA_BLACKOUT", resultado: "APROBADO", detalle: expect.stringContaining("permitido") },
  ]);
  const { rows } = await db().query("SELECT fecha_inicio, numero_reprogramaciones FROM reserva WHERE id = $1", [id]);
  expect(rows[0].numero_reprogramaciones).toBe(1);
  expect(new Date(rows[0].fecha_inicio).toISOString()).toBe(nueva.toISOString());
  const historial = await (await cliente.get(`/api/reservas/${id}/historial-reprogramacion`)).json();
  expect(historial).toHaveLength(1);
  expect(historial[0]).toMatchObject({ tipo_reprogramacion: "CLIENTE", motivo: "Cambio de horario laboral", reprogramado_por: { username: "cliente@demo.bo", rol: "CLIENTE" } });
  expect(historial[0]).not.toHaveProperty("observaciones_internas");
});

test("reprogramacion_urgente_operador: descuento del 10 % en Decimal y datos del operador", async () => {
  const operador = await apiComo("operador@demo.bo");
  const id = await reservaDirecta(juan, diaHabil(44));
  const r = await operador.post(`/api/reservas/${id}/reprogramar`, {
    data: {
      nueva_fecha: diaHabil(46, 15).toISOString(),
      motivo: "Emergencia técnica resuelta",
      aplicar_descuento: true,
      porcentaje_descuento: 10.0,
      prioridad: "ALTA",
      observaciones_internas: "Cliente llamó preocupado",
    },
  });
  expect(r.status()).toBe(200);
  const body = await r.json();
  expect(body).toMatchObject({
    estado: "REPROGRAMADA",
    numero_reprogramaciones: 1,
    total: "2160.00",
    tipo_reprogramacion: "OPERADOR_ASISTIDO",
    descuento_aplicado: { porcentaje: 10, monto_descuento: "240.00", total_anterior: "2400.00", total_nuevo: "2160.00" },
    operador: { nombre: "María Mamani", departamento: "Atención al Cliente" },
    notificaciones: { template_usado: "reprogramacion_con_descuento" },
  });
  const historial = await (await operador.get(`/api/reservas/${id}/historial-reprogramacion/`)).json();
  expect(historial[0]).toMatchObject({ observaciones_internas: "Cliente llamó preocupado", descuento_aplicado: { porcentaje: 10, monto: "240.00" } });
  const cliente = await apiComo("cliente@demo.bo");
  const vistaCliente = await (await cliente.get(`/api/reservas/${id}/historial-reprogramacion/`)).json();
  expect(vistaCliente[0]).not.toHaveProperty("observaciones_internas");
});

test("reprogramacion_masiva_admin: bypass, descuento del 20 % y cupón real", async () => {
  const admin = await apiComo("admin@demo.bo");
  const id = await reservaDirecta(juan, new Date(Date.now() + 12 * 3_600_000));
  const domingo = proximoDomingo(3, 9);
  const r = await admin.post("/api/admin/reprogramaciones/", {
    data: {
      reserva_id: id,
      nueva_fecha: domingo.toISOString(),
      motivo: "Actualización de infraestructura",
      tipo_reprogramacion: "ADMINISTRATIVA",
      bypass_reglas: ["TIEMPO_MINIMO", "DIA_BLACKOUT"],
      aplicar_descuento: true,
      porcentaje_descuento: 20.0,
      compensacion_adicional: { tipo: "CUPONES", valor: "150.00" },
      aprobado_por: "admin@sistema.com",
    },
  });
  expect(r.status()).toBe(200);
  const body = await r.json();
  expect(body).toMatchObject({
    reprogramacion_exitosa: true,
    reserva: { id, fecha_inicio: domingo.toISOString(), estado: "REPROGRAMADA", tipo_reprogramacion: "ADMINISTRATIVA", numero_reprogramaciones: 1 },
    beneficios_aplicados: { descuento: { porcentaje: 20, monto: "480.00", total_anterior: "2400.00", total_nuevo: "1920.00" } },
    reglas_bypass: [
      { regla: "TIEMPO_MINIMO", bypass_aplicado: true, autorizado_por: "admin@demo.bo" },
      { regla: "DIA_BLACKOUT", bypass_aplicado: true, autorizado_por: "admin@demo.bo" },
    ],
  });
  const cupon = body.beneficios_aplicados.compensacion.cupon_generado;
  expect(cupon.valor).toBe("150.00");
  const { rows } = await db().query("SELECT codigo, valor::text, usuario_id FROM cupon WHERE codigo = $1", [cupon.codigo]);
  expect(rows).toEqual([{ codigo: cupon.codigo, valor: "150.00", usuario_id: juan }]);
  const { rows: hist } = await db().query("SELECT reglas_bypass FROM historial_reprogramacion WHERE reserva_id = $1", [id]);
  expect(hist[0].reglas_bypass.map((b: { regla: string }) => b.regla)).toEqual(["TIEMPO_MINIMO", "DIA_BLACKOUT"]);
});

test("reprogramacion_con_error_tiempo: 400 TIEMPO_MINIMO_VIOLADO y nada cambia", async () => {
  const cliente = await apiComo("cliente@demo.bo");
  const inicio = new Date(Date.now() + 12 * 3_600_000);
  const id = await reservaDirecta(juan, inicio);
  const r = await cliente.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: diaHabil(48).toISOString(), motivo: "Muy tarde para reprogramar" } });
  expect(r.status()).toBe(400);
  const body = await r.json();
  expect(body).toMatchObject({
    detail: "Debe reprogramar con al menos 24 horas de anticipación",
    error_code: "TIEMPO_MINIMO_VIOLADO",
    regla_violada: { nombre: "Tiempo mínimo 24 horas", tipo_regla: "TIEMPO_MINIMO" },
    tiempo_requerido_horas: 24,
    fecha_limite_reprogramacion: new Date(inicio.getTime() - 24 * 3_600_000).toISOString(),
    // What this reservation can really do 12 h before its start under the demo's policies.
    alternativas: [
      expect.objectContaining({ accion: "CANCELAR", opcion: "Cancelación sin reembolso", reembolso_porcentaje: 0, monto_reembolso: "0.00", endpoint: `/api/reservas/${id}/cancelacion/` }),
      expect.objectContaining({ accion: "CONTACTAR_SOPORTE" }),
    ],
  });
  expect(body.tiempo_restante_horas).toBeGreaterThan(11);
  expect(body.diferencia_horas).toBeLessThan(-11);
  const { rows } = await db().query("SELECT numero_reprogramaciones, (SELECT count(*)::int FROM historial_reprogramacion WHERE reserva_id = $1) h FROM reserva WHERE id = $1", [id]);
  expect(rows[0]).toEqual({ numero_reprogramaciones: 0, h: 0 });
});

test("un cliente VIP GOLD sí puede reprogramar con 18 horas (regla VIP de 12 h)", async () => {
  const vip = await apiComo("vip@demo.bo");
  const id = await reservaDirecta(await idDeUsuario("vip@demo.bo"), new Date(Date.now() + 18 * 3_600_000));
  const r = await vip.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: diaHabil(49).toISOString(), motivo: "Cambio por viaje de trabajo" } });
  expect(r.status()).toBe(200);
  expect((await r.json()).validaciones_aplicadas[0].detalle).toMatch(/requerido: 12/);
});

test("reprogramacion_limite_excedido: 400 con el historial y las opciones de administrador", async () => {
  const cliente = await apiComo("cliente@demo.bo");
  const { rows } = await db().query("SELECT id FROM reserva WHERE usuario_id = $1 AND numero_reprogramaciones = 3 ORDER BY id LIMIT 1", [juan]);
  const r = await cliente.post(`/api/reservas/${rows[0].id}/reprogramar/`, { data: { nueva_fecha: diaHabil(52).toISOString(), motivo: "Cuarta reprogramación (debe fallar)" } });
  expect(r.status()).toBe(400);
  const body = await r.json();
  expect(body).toMatchObject({
    error_code: "LIMITE_REPROGRAMACIONES_EXCEDIDO",
    detail: "Ha alcanzado el límite máximo de reprogramaciones",
    reprogramaciones_actuales: 3,
    limite_maximo: 3,
    opciones_admin: { puede_autorizar_admin: true, requiere_justificacion: true, contacto_soporte: "soporte@agencia.bo" },
  });
  expect(body.historial_reprogramaciones.map((h: { motivo: string }) => h.motivo)).toEqual(["Primera reprogramación", "Segunda reprogramación", "Tercera reprogramación"]);
});

test("reprogramacion_fin_semana: 400 DIA_BLACKOUT con sugerencias reservables a la misma hora", async () => {
  const cliente = await apiComo("cliente@demo.bo");
  const id = await reservaDirecta(juan, diaHabil(54, 15));
  const domingo = proximoDomingo(56, 10);
  const r = await cliente.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: domingo.toISOString(), motivo: "Domingo no permitido" } });
  expect(r.status()).toBe(400);
  const body = await r.json();
  expect(body).toMatchObject({ error_code: "DIA_BLACKOUT", fecha_solicitada: domingo.toISOString(), dia_semana: "DOMINGO", dias_no_permitidos: ["SABADO", "DOMINGO", "FERIADOS"] });
  // The nearest working days: one before, two after (which weekdays depends on the holidays nearby).
  expect(body.sugerencias_fechas).toHaveLength(3);
  expect(body.sugerencias_fechas.map((s: { fecha: string }) => s.fecha < domingo.toISOString())).toEqual([true, false, false]);
  for (const s of body.sugerencias_fechas) expect(["SABADO", "DOMINGO"]).not.toContain(s.dia);
  for (const s of body.sugerencias_fechas) {
    expect(s.disponible).toBe(true);
    expect(new Date(s.fecha).getUTCHours()).toBe(domingo.getUTCHours());
    const verificacion = await (await cliente.get(`/api/reservas/${id}/puede-reprogramar/?nueva_fecha=${encodeURIComponent(s.fecha)}`)).json();
    expect(verificacion.puede_reprogramar, s.fecha).toBe(true);
  }
});

test("FECHA_NO_DISPONIBLE: 409 con cifras de capacidad y fechas alternativas", async () => {
  const cliente = await apiComo("cliente@demo.bo");
  const id = await reservaDirecta(juan, diaHabil(60));
  const destino = diaHabil(62, 11);
  await fijarCapacidad(diaLocal(destino), 1);
  await reservaDirecta(await idDeUsuario("vip@demo.bo"), destino);
  const r = await cliente.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: destino.toISOString(), motivo: "Quiero ese día sin falta" } });
  expect(r.status()).toBe(409);
  const body = await r.json();
  expect(body).toMatchObject({
    error_code: "FECHA_NO_DISPONIBLE",
    detail: "La fecha solicitada no está disponible",
    razon: "Fecha completamente reservada",
    disponibilidad: { reservas_existentes: 1, capacidad_maxima: 1, lista_espera_disponible: true },
  });
  expect(body.fechas_alternativas.length).toBeGreaterThanOrEqual(2);
  for (const a of body.fechas_alternativas) {
    expect(a.espacios_libres).toBeGreaterThan(0);
    expect(["ALTA", "MEDIA", "BAJA"]).toContain(a.disponibilidad);
  }
});

test("puede-reprogramar: las dos formas de §4", async () => {
  const cliente = await apiComo("cliente@demo.bo");
  const id = await reservaDirecta(juan, diaHabil(64));
  const si = await (await cliente.get(`/api/reservas/${id}/puede-reprogramar/`)).json();
  expect(si).toMatchObject({
    puede_reprogramar: true,
    razon: "Cumple todas las condiciones para reprogramar",
    reprogramaciones_restantes: 3,
    tiempo_minimo_requerido_horas: 24,
    costos_estimados: { costo_reprogramacion: "0.00", aplica_descuento: false, total_estimado: "2400.00" },
  });
  expect(si.tiempo_actual_hasta_reserva_horas).toBeGreaterThan(24 * 60);
  expect(si.reglas_evaluadas.map((r: { tipo_regla: string }) => r.tipo_regla)).toEqual(["TIEMPO_MINIMO", "LIMITE_REPROGRAMACIONES", "DIA_BLACKOUT"]);
  expect(si.reglas_evaluadas[2]).toMatchObject({ cumple: true, dias_no_permitidos: ["SABADO", "DOMINGO", "FERIADOS"] });

  const tarde = await reservaDirecta(juan, new Date(Date.now() + 12 * 3_600_000), { reprogramaciones: 3 });
  const no = await (await cliente.get(`/api/reservas/${tarde}/puede-reprogramar`)).json();
  expect(no).toMatchObject({ puede_reprogramar: false, razon: "Múltiples reglas violadas", reprogramaciones_restantes: 0 });
  expect(no.reglas_violadas.map((r: { tipo_regla: string }) => r.tipo_regla)).toEqual(["TIEMPO_MINIMO", "LIMITE_REPROGRAMACIONES"]);
  expect(no.reglas_violadas[0]).toMatchObject({ cumple: false, valor_requerido: 24, mensaje_error: "Debe reprogramar con al menos 24 horas de anticipación" });
  expect(no.reglas_violadas[1]).toMatchObject({ proxima_disponibilidad: "Solo disponible para administradores" });
  // Only what the policies allow 12 h before the start: cancelling without refund, or support (the transfer deadline passed).
  expect(no.alternativas_sugeridas).toEqual([
    expect.objectContaining({ accion: "CANCELAR", opcion: "Cancelación sin reembolso", porcentaje_reembolso: 0 }),
    expect.objectContaining({ accion: "CONTACTAR_SOPORTE" }),
  ]);
  const lejos = await (await cliente.get(`/api/reservas/${await reservaDirecta(juan, new Date(Date.now() + 100 * 3_600_000), { reprogramaciones: 3 })}/puede-reprogramar/`)).json();
  expect(lejos.alternativas_sugeridas.map((a: { accion: string }) => a.accion)).toEqual(["CANCELAR", "TRANSFERIR", "CONTACTAR_SOPORTE"]);
  expect(lejos.alternativas_sugeridas[0]).toMatchObject({ opcion: "Cancelación con reembolso parcial", porcentaje_reembolso: 70, monto_reembolso: "1680.00" });
  expect(lejos.alternativas_sugeridas[1]).toMatchObject({ opcion: "Transferir a otro usuario", costo_transferencia: "25.00" });
});
