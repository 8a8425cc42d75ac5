// A fingerprint of everything a request can change, to prove a refused request changed nothing.
// Left out on purpose: what the delivery worker updates on its own after earlier successful
// requests (delivery state, attempts, the dev mailbox, the history's notification flags) and the
// rate-limit counters, which count every write by design.
import type pg from "pg";
import { db } from "./api-helpers";

const TABLAS = [
  "reserva",
  "servicio",
  "cupon",
  "regla_reprogramacion",
  "capacidad_fecha",
  "configuracion_agencia",
  "usuario",
  "notificacion",
  "(SELECT id, reserva_id, fecha_anterior, fecha_nueva, motivo, tipo, total_nuevo, descuento_porcentaje FROM historial_reprogramacion)",
  "(SELECT id, historial_id, canal, destinatario FROM entrega_notificacion)",
];

export async function huellaDeLaBase(base: pg.Pool = db()): Promise<string> {
  const partes = TABLAS.map((t) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${t} x)`);
  const { rows } = await base.query(`SELECT md5(${partes.join(" || ")}) AS huella`);
  return rows[0].huella;
}
