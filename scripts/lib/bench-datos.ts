// The benchmark's data set, loaded in a few set-based statements: bench clients, tens of thousands of
// reservations on working days at 10:00 in La Paz, and 100,000 reschedules in the support feed.
import type pg from "pg";
import { feriadoNacional } from "@/lib/reprogramacion/feriados";

const RESERVAS = Number(process.env.BENCH_RESERVAS ?? 40_000);
const CLIENTES = 100;
const NOTIFICACIONES = 100_000;
/** The last reservations are kept apart for the latency run; the first ones feed the POST run. */
const RESERVADAS_LATENCIA = 200;
const CONSULTABLES = 5_000;

export interface ReservaDeCarga {
  id: number;
  clienteId: number;
  /** A working day other than its own, same local time (ISO). */
  destino: string;
  /** Its own date (ISO). */
  origen: string;
}

export interface DatosDeCarga {
  clientes: { id: number; email: string }[];
  reservas: number;
  notificaciones: number;
  movibles: ReservaDeCarga[];
  consultables: ReservaDeCarga[];
  latencia: ReservaDeCarga[];
}

/** Working days (no weekend, no national holiday) from 10 to 400 days ahead, at 10:00 La Paz (14:00 UTC). */
function diasHabiles(): Date[] {
  const dias: Date[] = [];
  const hoy = new Date();
  for (let d = 10; d < 400; d++) {
    const fecha = new Date(Date.UTC(hoy.getUTCFullYear(), hoy.getUTCMonth(), hoy.getUTCDate() + d, 14));
    const semana = fecha.getUTCDay();
    if (semana !== 0 && semana !== 6 && !feriadoNacional(fecha.toISOString().slice(0, 10))) dias.push(fecha);
  }
  return dias;
}

export async function cargarDatosDeCarga(pool: pg.Pool): Promise<DatosDeCarga> {
  const dias = diasHabiles();
  const { rows: hash } = await pool.query<{ password_hash: string }>("SELECT password_hash FROM usuario WHERE email = 'cliente@demo.bo'");
  // The benchmark is about speed, not capacity: no day fills up.
  await pool.query("UPDATE configuracion_agencia SET capacidad_diaria_por_defecto = 100000");
  const { rows: clientes } = await pool.query<{ id: number; email: string }>(
    `INSERT INTO usuario (email, password_hash, nombre, apellido, rol, nivel, updated_at)
     SELECT 'bench' || g || '@bench.bo', $1, 'Cliente', 'Bench ' || g, 'CLIENTE', 'BRONZE', now() FROM generate_series(1, $2) g
     RETURNING id, email`,
    [hash[0].password_hash, CLIENTES],
  );
  const { rows: reservas } = await pool.query<{ id: number; usuario_id: number; dia: number }>(
    `INSERT INTO reserva (usuario_id, destino, fecha_inicio, estado, total, moneda, updated_at)
     SELECT ($1::int[])[1 + g % $4], 'Cusco (benchmark)', ($2::timestamptz[])[1 + g % $5], 'CONFIRMADA', 2400, 'BOB', now()
     FROM generate_series(0, $3 - 1) g
     RETURNING id, usuario_id, array_position($2::timestamptz[], fecha_inicio) - 1 AS dia`,
    [clientes.map((c) => c.id), dias, RESERVAS, CLIENTES, dias.length],
  );
  await pool.query(
    `INSERT INTO servicio (reserva_id, tipo, descripcion, precio)
     SELECT id, 'HOTEL', 'Hotel 3 noches', 2400 FROM reserva WHERE destino = 'Cusco (benchmark)'`,
  );
  const primera = reservas[0].id;
  await pool.query(
    `INSERT INTO historial_reprogramacion (reserva_id, fecha_anterior, fecha_nueva, motivo, tipo, actor_id, reglas_aplicadas, total_anterior, total_nuevo,
       cliente_notificado, email_enviado, push_enviado, created_at)
     SELECT r.id, r.fecha_inicio - interval '7 days', r.fecha_inicio, 'Carga del benchmark', 'CLIENTE', r.usuario_id, '{}', 2400, 2400, true, true, true,
       now() - make_interval(mins => g)
     FROM generate_series(1, $1) g JOIN reserva r ON r.id = $2 + g % $3`,
    [NOTIFICACIONES, primera, CONSULTABLES],
  );
  await pool.query(
    `INSERT INTO notificacion (historial_id, reserva_id, datos, leida, created_at)
     SELECT h.id, h.reserva_id, json_build_object('tipo', 'reprogramacion', 'reserva_id', h.reserva_id,
         'cliente', json_build_object('nombre', 'Cliente Bench', 'email', 'bench@bench.bo'),
         'fecha_anterior', h.fecha_anterior, 'fecha_nueva', h.fecha_nueva, 'motivo', h.motivo,
         'reprogramado_por', 'Cliente Bench', 'tipo_reprogramacion', 'CLIENTE'),
       h.id % 10 <> 0, h.created_at
     FROM historial_reprogramacion h WHERE h.motivo = 'Carga del benchmark'`,
  );
  await pool.query("ANALYZE");
  const aCarga = (r: (typeof reservas)[number]): ReservaDeCarga => ({ id: r.id, clienteId: r.usuario_id, destino: dias[(r.dia + 3) % dias.length].toISOString(), origen: dias[r.dia].toISOString() });
  return {
    clientes,
    reservas: reservas.length,
    notificaciones: NOTIFICACIONES,
    // Reservations with feed rows are read-only here; the POST run moves the others, each once.
    consultables: reservas.slice(0, CONSULTABLES).map(aCarga),
    movibles: reservas.slice(CONSULTABLES, -RESERVADAS_LATENCIA).map(aCarga),
    latencia: reservas.slice(-RESERVADAS_LATENCIA).map(aCarga),
  };
}
