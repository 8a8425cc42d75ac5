// Health for operators: a public probe for load balancers and uptime monitors (database answers,
// migrations applied; nothing else is revealed) and the admin's view of the delivery machinery.
import type { Db } from "@/lib/db/client";
import { enteroDelEntorno } from "@/lib/entorno";
import { estadoEscuchaEnVivo } from "@/lib/notificaciones/tiempo-real/escucha";
import { escuchaConfiguracion } from "@/lib/reprogramacion/vigentes";
import { escuchaSesiones } from "@/lib/auth/sesiones";

const LIMITE_CONSULTA_MS = 3000;

/** A query that gives up after a few seconds: a probe must answer while the database hangs. */
function conLimite<T>(consulta: Promise<T>): Promise<T> {
  let temporizador: NodeJS.Timeout | undefined;
  const limite = new Promise<never>((_, rechazar) => {
    temporizador = setTimeout(() => rechazar(new Error("la base de datos no respondió a tiempo")), LIMITE_CONSULTA_MS);
  });
  return Promise.race([consulta, limite]).finally(() => clearTimeout(temporizador));
}

export interface SaludPublica {
  estado: "ok" | "degradado";
  base_de_datos?: "ok" | "sin_conexion";
  migraciones?: "al_dia" | "pendientes";
}

/** Ok when PostgreSQL answers and the newest migration this build knows is applied. */
export async function saludPublica(db: Db): Promise<SaludPublica> {
  try {
    const [fila] = await conLimite(
      db.$queryRaw<{ aplicada: boolean }[]>`
        SELECT EXISTS (SELECT 1 FROM _prisma_migrations WHERE migration_name = ${process.env.ULTIMA_MIGRACION ?? ""} AND finished_at IS NOT NULL AND rolled_back_at IS NULL) AS aplicada`,
    );
    if (!fila.aplicada) return { estado: "degradado", base_de_datos: "ok", migraciones: "pendientes" };
    return { estado: "ok" };
  } catch {
    return { estado: "degradado", base_de_datos: "sin_conexion" };
  }
}

export interface Aviso {
  codigo: "BASE_SIN_CONEXION" | "MIGRACIONES_PENDIENTES" | "SIN_WORKERS" | "WORKER_SIN_BUSCAR" | "ENTREGAS_ATRASADAS";
  detalle: string;
}

interface FilaWorker {
  id: string;
  disposicion: string;
  sondeo_ms: number;
  iniciado_at: Date;
  latido_at: Date;
  ultima_busqueda_at: Date | null;
}

interface Cifras {
  trabajos_listos: number;
  trabajos_programados: number;
  trabajos_bloqueados: number;
  listo_mas_antiguo_s: number | null;
  entregas_pendientes: number;
  entregas_reintentando: number;
  pendiente_mas_antigua_s: number | null;
}

// A worker whose heartbeat is older than this is gone; one that has not asked for a job in its poll
// interval plus this margin while jobs wait is stuck. A first attempt waiting longer is late.
const LATIDO_VENCIDO_S = 30;
const MARGEN_BUSQUEDA_S = 10;

const trabajos = (n: number) => `${n} ${n === 1 ? "trabajo espera" : "trabajos esperan"}`;

const segundosDesde = (fecha: Date | null, ahora: Date) => (fecha ? Math.max(0, Math.round((ahora.getTime() - fecha.getTime()) / 1000)) : null);

export async function saludAdministrativa(db: Db, ahora = new Date()) {
  const publica = await saludPublica(db);
  const escucha = { configuracion: escuchaConfiguracion(), sesiones: escuchaSesiones(), en_vivo: estadoEscuchaEnVivo() };
  const build = { commit: process.env.COMMIT_BUILD ?? "desconocido" };
  if (publica.base_de_datos === "sin_conexion")
    return { estado: "degradado" as const, avisos: [{ codigo: "BASE_SIN_CONEXION", detalle: "PostgreSQL no responde." }] satisfies Aviso[], build, escucha, workers: [], cola: null, entregas: null };

  const atrasoS = enteroDelEntorno("SALUD_ENTREGA_ATRASADA_S", 120);
  const [workers, [cifras]] = await conLimite(
    Promise.all([
      db.$queryRaw<FilaWorker[]>`SELECT id, disposicion, sondeo_ms, iniciado_at, latido_at, ultima_busqueda_at FROM latido_worker ORDER BY iniciado_at`,
      db.$queryRaw<Cifras[]>`
        SELECT
          count(*) FILTER (WHERE j.locked_at IS NULL AND j.run_at <= now() AND j.attempts < j.max_attempts)::int AS trabajos_listos,
          count(*) FILTER (WHERE j.locked_at IS NULL AND j.run_at > now() AND j.attempts < j.max_attempts)::int AS trabajos_programados,
          count(*) FILTER (WHERE j.locked_at IS NOT NULL)::int AS trabajos_bloqueados,
          extract(epoch FROM now() - min(j.run_at) FILTER (WHERE j.locked_at IS NULL AND j.run_at <= now() AND j.attempts < j.max_attempts))::int AS listo_mas_antiguo_s,
          (SELECT count(*) FROM entrega_notificacion WHERE estado = 'PENDIENTE')::int AS entregas_pendientes,
          (SELECT count(*) FROM entrega_notificacion WHERE estado = 'REINTENTANDO')::int AS entregas_reintentando,
          (SELECT extract(epoch FROM now() - min(encolada_at))::int FROM entrega_notificacion WHERE estado = 'PENDIENTE') AS pendiente_mas_antigua_s
        FROM graphile_worker._private_jobs j`,
    ]),
  );

  const vivos = workers.filter((w) => (segundosDesde(w.latido_at, ahora) ?? Infinity) <= LATIDO_VENCIDO_S);
  const hayTrabajo = cifras.trabajos_listos > 0;
  const filas = workers.map((w) => {
    const vivo = vivos.includes(w);
    const sinBuscarS = segundosDesde(w.ultima_busqueda_at ?? w.iniciado_at, ahora) ?? 0;
    return {
      id: w.id,
      disposicion: w.disposicion,
      vivo,
      // Only meaningful while jobs wait: an idle worker between polls is fine.
      atascado: vivo && hayTrabajo && sinBuscarS > w.sondeo_ms / 1000 + MARGEN_BUSQUEDA_S,
      iniciado_at: w.iniciado_at.toISOString(),
      latido_at: w.latido_at.toISOString(),
      ultima_busqueda_at: w.ultima_busqueda_at?.toISOString() ?? null,
      segundos_sin_buscar: sinBuscarS,
    };
  });

  const avisos: Aviso[] = [];
  if (publica.migraciones === "pendientes") avisos.push({ codigo: "MIGRACIONES_PENDIENTES", detalle: "La base no tiene todas las migraciones de este build: ejecute npm run db:migrate." });
  if (hayTrabajo && vivos.length === 0) avisos.push({ codigo: "SIN_WORKERS", detalle: `${trabajos(cifras.trabajos_listos)} y no hay ningún worker de notificaciones activo.` });
  const atascados = filas.filter((w) => w.atascado);
  if (hayTrabajo && atascados.length > 0 && atascados.length === vivos.length)
    avisos.push({ codigo: "WORKER_SIN_BUSCAR", detalle: `Ningún worker pidió trabajo en ${Math.min(...atascados.map((w) => w.segundos_sin_buscar))} s, y ${trabajos(cifras.trabajos_listos)}.` });
  else if (atascados.length > 0) avisos.push({ codigo: "WORKER_SIN_BUSCAR", detalle: `${atascados.length} de ${vivos.length} workers no piden trabajo, y ${trabajos(cifras.trabajos_listos)}.` });
  if ((cifras.pendiente_mas_antigua_s ?? 0) > atrasoS)
    avisos.push({ codigo: "ENTREGAS_ATRASADAS", detalle: `${cifras.entregas_pendientes === 1 ? "1 entrega" : `${cifras.entregas_pendientes} entregas`} sin primer intento; la más antigua espera hace ${cifras.pendiente_mas_antigua_s} s.` });

  return {
    estado: avisos.length ? ("degradado" as const) : ("ok" as const),
    avisos,
    build,
    escucha,
    workers: filas,
    cola: { trabajos_listos: cifras.trabajos_listos, trabajos_programados: cifras.trabajos_programados, trabajos_bloqueados: cifras.trabajos_bloqueados, listo_mas_antiguo_s: cifras.listo_mas_antiguo_s },
    entregas: { pendientes: cifras.entregas_pendientes, reintentando: cifras.entregas_reintentando, pendiente_mas_antigua_s: cifras.pendiente_mas_antigua_s },
  };
}
