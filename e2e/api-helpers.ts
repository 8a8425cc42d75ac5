import { request, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { conContrato } from "./contrato";
import { iniciarSesionApi } from "./helpers";

export { aLaHora, diaHabil, diaLocal, proximoDomingo } from "../tests/fechas";

const baseURL = () => process.env.BASE_URL ?? "http://localhost:3000";

/** An API client signed in through next-auth's credentials flow (real cookies, real JWT); every response it gets is checked against /api/openapi.json. */
export async function apiComo(email: string, servidor = baseURL()): Promise<APIRequestContext> {
  const ctx = conContrato(await request.newContext({ baseURL: servidor }));
  await iniciarSesionApi(ctx, email);
  return ctx;
}

const pools = new Map<string, pg.Pool>();
/** The test database of a server: the built-in one by default. */
export function db(url = process.env.DATABASE_URL ?? ""): pg.Pool {
  if (!pools.has(url)) pools.set(url, new pg.Pool({ connectionString: url, max: 4 }));
  return pools.get(url)!;
}

export async function idDeUsuario(email: string, base = db()): Promise<number> {
  const { rows } = await base.query("SELECT id FROM usuario WHERE email = $1", [email]);
  return rows[0].id;
}

/** Inserts a reservation directly (test set-up only), bypassing capacity. */
export async function reservaDirecta(usuarioId: number, fechaInicio: Date, opciones: { total?: string; reprogramaciones?: number; estado?: string } = {}, base = db()) {
  const { rows } = await base.query(
    `INSERT INTO reserva (usuario_id, destino, fecha_inicio, estado, total, moneda, numero_reprogramaciones, updated_at)
     VALUES ($1, 'Destino de prueba', $2, $3, $4, 'BOB', $5, now()) RETURNING id`,
    [usuarioId, fechaInicio, opciones.estado ?? "CONFIRMADA", opciones.total ?? "2400.00", opciones.reprogramaciones ?? 0],
  );
  await base.query("INSERT INTO servicio (reserva_id, tipo, descripcion, precio) VALUES ($1, 'HOTEL', 'Hotel 2 noches', $2)", [rows[0].id, opciones.total ?? "2400.00"]);
  return rows[0].id as number;
}

export async function fijarCapacidad(dia: string, capacidad: number) {
  await db().query(
    "INSERT INTO capacidad_fecha (fecha, capacidad_maxima) VALUES ($1, $2) ON CONFLICT (fecha) DO UPDATE SET capacidad_maxima = $2",
    [dia, capacidad],
  );
}

/** A client of their own for one test (password demo1234), so their reservations and calendar are theirs alone. */
export async function clienteNuevo(nombre = "Ana", base = db()): Promise<{ id: number; email: string }> {
  const email = `cliente-${Math.random().toString(36).slice(2, 10)}@prueba.bo`;
  const { rows } = await base.query(
    `INSERT INTO usuario (email, password_hash, nombre, apellido, rol, nivel, updated_at)
     SELECT $1, password_hash, $2, 'Prueba', 'CLIENTE', 'BRONZE', now() FROM usuario WHERE email = 'cliente@demo.bo' RETURNING id`,
    [email, nombre],
  );
  return { id: rows[0].id, email };
}
