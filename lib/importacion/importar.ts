// The CSV import of /admin/importar and POST /api/admin/importaciones/: a dry run that reads the
// file against the data and writes nothing, and an import whose rows are stored at once and applied
// by the worker in batches. Each batch is one transaction that takes, in this order, the rows of
// the reservations it touches, the new clients' emails, the local days it adds bookings to (the
// lock reschedules take) and the new referencias: every writer takes them in that order (the sync
// API: email, day, referencia; a reschedule: row, day), so none waits on another in a circle, and no
// reschedule gets into a day an import filled. A batch that fails for an unexpected reason is
// applied again row by row: one bad row never stops the others and never leaves half a row.
import { z } from "zod";
import type { Actor } from "@/lib/auth/credenciales";
import { encolarBienvenidas } from "@/lib/cuenta/correos";
import type { Db } from "@/lib/db/client";
import { noEncontrado } from "@/lib/errores";
import { enteroDelEntorno } from "@/lib/entorno";
import { comoCsv } from "@/lib/formato/csv";
import { zonaAgencia } from "@/lib/formato/fecha";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ResultadoFilaImportacion } from "@/lib/generated/prisma/enums";
import { errorParaRegistro, registro } from "@/lib/registro";
import { enFechaLocal, sumarDias } from "@/lib/reprogramacion/calendario";
import { bloquearDias, cargarOcupacionEntre, obtenerConfiguracion, type Tx } from "@/lib/reprogramacion/datos";
import type { Ocupacion } from "@/lib/reprogramacion/disponibilidad";
import { limiteDeHorizonte } from "@/lib/reprogramacion/reprogramar";
import type { Cambios } from "@/lib/reservas/editar";
import { INCLUIR_RESERVA, type ReservaCompleta } from "@/lib/reservas/serializar";
import { parsearCon } from "@/lib/validacion";
import type { FilaInforme, ResumenImportacion } from "@/lib/api/respuestas";
import { filasDelArchivo, type ErrorDeFila, type FilaImportada } from "./csv";
import { advertenciasDeFilas, decidirFila, type Decision, type ResultadoImportacion } from "./decidir";

export const TAREA_IMPORTACION = "importacion";
/** Rows per transaction. Each holds the locks of the days it fills until it commits: 50 rows keep a
 * concurrent reschedule into those days at p95 79 ms (44 ms alone) and 10,000 rows at ~410/s (BENCHMARKS.md). */
const filasPorTanda = () => enteroDelEntorno("IMPORTACION_FILAS_POR_TANDA", 50);

const booleanoDeFormulario = (nombre: string) =>
  z.enum(["true", "false"], { error: `Indique ${nombre}: true o false` }).transform((v) => v === "true");

export const pedidoImportacionSchema = z
  .object({
    archivo: z.file({ error: "Adjunte el archivo CSV (campo archivo)" }).meta({ description: "CSV en UTF-8 (con o sin BOM), separado por , o ;; hasta 5 MB y 20.000 filas" }),
    simulacion: booleanoDeFormulario("simulacion").meta({ description: "true: prueba sin escribir nada (200 con el informe); false: importar (202 con el id)" }),
    enviar_bienvenida: booleanoDeFormulario("enviar_bienvenida").default(false).meta({ description: "Enviar a los clientes nuevos el correo de bienvenida con sus enlaces «Gestionar mi reserva»" }),
  })
  .strict();

export type { FilaInforme };
type Resumen = ResumenImportacion;

const CLAVE_RESUMEN = { crear: "creadas", actualizar: "actualizadas", sin_cambios: "sin_cambios", conflicto: "conflictos", error: "errores" } as const;
const ENUM_DE: Record<ResultadoImportacion, ResultadoFilaImportacion> = { crear: "CREADA", actualizar: "ACTUALIZADA", sin_cambios: "SIN_CAMBIOS", conflicto: "CONFLICTO", error: "ERROR" };
const RESULTADO_DE = Object.fromEntries(Object.entries(ENUM_DE).map(([k, v]) => [v, k])) as Record<ResultadoFilaImportacion, ResultadoImportacion>;

export function resumir(filas: Pick<FilaInforme, "resultado" | "advertencias">[]): Resumen {
  const resumen: Resumen = { creadas: 0, actualizadas: 0, sin_cambios: 0, conflictos: 0, errores: 0, advertencias: 0 };
  for (const f of filas) {
    resumen[CLAVE_RESUMEN[f.resultado]]++;
    if (f.advertencias.length) resumen.advertencias++;
  }
  return resumen;
}

// ─── What the rows find in the database ────────────────────────────────────────────────────────

interface Contexto {
  existentes: Map<string, ReservaCompleta>;
  /** By lower-case email: the accounts that exist. */
  cuentas: Map<string, { id: number; rol: string }>;
}

async function contextoDe(db: Tx, filas: FilaImportada[], bloquear: boolean): Promise<Contexto> {
  const referencias = filas.map((f) => f.referencia);
  const emails = [...new Set(filas.map((f) => f.cliente.email.toLowerCase()))];
  if (bloquear) await db.$queryRaw`SELECT id FROM reserva WHERE referencia_externa = ANY(${referencias}) ORDER BY id FOR UPDATE`;
  const [existentes, cuentas] = await Promise.all([
    db.reserva.findMany({ where: { referenciaExterna: { in: referencias } }, include: INCLUIR_RESERVA }),
    db.$queryRaw<{ id: number; email: string; rol: string }[]>`SELECT id, lower(email) AS email, rol::text FROM usuario WHERE lower(email) = ANY(${emails})`,
  ]);
  return { existentes: new Map(existentes.map((r) => [r.referenciaExterna!, r])), cuentas: new Map(cuentas.map((c) => [c.email, c])) };
}

type Evaluada = { fila: FilaImportada; decision: Decision } | { fila: FilaImportada; error: ErrorDeFila };

function evaluar(fila: FilaImportada, contexto: Contexto, zona: string): Evaluada {
  const cuenta = contexto.cuentas.get(fila.cliente.email.toLowerCase());
  if (cuenta && cuenta.rol !== "CLIENTE") return { fila, error: { linea: fila.linea, columna: "cliente_email", mensaje: "Ese correo es de una persona de la agencia, no de un cliente." } };
  return { fila, decision: decidirFila(fila, contexto.existentes.get(fila.referencia) ?? null, zona) };
}

/** Occupancy of every day the decisions add to or free (empty when none). */
async function ocupacionDe(db: Tx, decisiones: Decision[], zona: string, capacidadPorDefecto: number): Promise<Ocupacion> {
  const dias = decisiones.flatMap((d) => [d.suma, d.resta]).filter((d): d is string => d !== null).sort();
  if (!dias.length) return { capacidadPorDefecto, capacidades: new Map(), ocupadas: new Map() };
  return cargarOcupacionEntre(db, enFechaLocal(dias[0], 0, 0, zona), enFechaLocal(sumarDias(dias.at(-1)!, 1), 0, 0, zona), zona, capacidadPorDefecto, null);
}

function informeDe(e: Evaluada, advertencias: string[], reservaId: number | null): FilaInforme {
  const base = { linea: e.fila.linea, referencia: e.fila.referencia };
  if ("error" in e) return { ...base, resultado: "error", reserva_id: null, errores: [{ columna: e.error.columna, mensaje: e.error.mensaje }], advertencias: [], cambios: {}, conflicto: null };
  return { ...base, resultado: e.decision.resultado, reserva_id: reservaId, errores: [], advertencias, cambios: e.decision.cambios, conflicto: e.decision.conflicto };
}

const informeDeError = (r: { linea: number; referencia: string | null; errores: ErrorDeFila[] }): FilaInforme => ({
  linea: r.linea,
  referencia: r.referencia,
  resultado: "error",
  reserva_id: null,
  errores: r.errores.map((e) => ({ columna: e.columna, mensaje: e.mensaje })),
  advertencias: [],
  cambios: {},
  conflicto: null,
});

// ─── Dry run ───────────────────────────────────────────────────────────────────────────────────

/** What the file would do, row by row, against the data as it is now. Writes nothing. */
export async function simularImportacion(db: Db, contenido: Buffer, ahora = new Date(), zona = zonaAgencia()) {
  const leidas = filasDelArchivo(contenido, zona);
  const validas = leidas.flatMap((r) => (r.ok ? [r.fila] : []));
  const [contexto, config] = await Promise.all([contextoDe(db, validas, false), obtenerConfiguracion(db)]);
  // Rows of the same new client: the first creates the account, the rest find it (as the run will).
  const evaluadas = new Map(validas.map((f) => [f.linea, evaluar(f, contexto, zona)]));
  const decididas = [...evaluadas.values()].flatMap((e) => ("decision" in e ? [e] : []));
  const ocupacion = await ocupacionDe(db, decididas.map((e) => e.decision), zona, config.capacidadDiariaPorDefecto);
  const advertencias = advertenciasDeFilas(decididas, ocupacion, limiteDeHorizonte(ahora, config.horizonteReservaDias), ahora, config.horizonteReservaDias);
  const porLinea = new Map(decididas.map((e, i) => [e.fila.linea, advertencias[i]]));
  const filas = leidas.map((r) => {
    if (!r.ok) return informeDeError(r);
    const e = evaluadas.get(r.fila.linea)!;
    return informeDe(e, porLinea.get(r.fila.linea) ?? [], "decision" in e ? (contexto.existentes.get(r.fila.referencia)?.id ?? null) : null);
  });
  return { simulacion: true as const, total: filas.length, resumen: resumir(filas), filas };
}
export type Simulacion = Awaited<ReturnType<typeof simularImportacion>>;

// ─── The import: stored, then applied by the worker ────────────────────────────────────────────

const nombreDeArchivo = (nombre: string) => nombre.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 255) || "importacion.csv";

/** Stores every row of the file (rows with errors already answered) and queues the run. */
export async function crearImportacion(db: Db, actor: Actor, archivo: { nombre: string; contenido: Buffer }, enviarBienvenida: boolean, zona = zonaAgencia()) {
  const leidas = filasDelArchivo(archivo.contenido, zona);
  const errores = leidas.filter((r) => !r.ok).length;
  return db.$transaction(
    async (tx) => {
      const importacion = await tx.importacion.create({
        data: { creadoPorId: actor.id, nombreArchivo: nombreDeArchivo(archivo.nombre), enviarBienvenida, total: leidas.length, procesadas: errores, errores },
      });
      const filas = leidas.map((r) =>
        r.ok
          ? { importacionId: importacion.id, linea: r.fila.linea, referencia: r.fila.referencia, datos: { ...r.fila, fechaInicio: r.fila.fechaInicio.toISOString() } }
          : { importacionId: importacion.id, linea: r.linea, referencia: r.referencia?.slice(0, 100) ?? null, resultado: "ERROR" as const, errores: informeDeError(r).errores },
      );
      for (let i = 0; i < filas.length; i += 2000) await tx.filaImportacion.createMany({ data: filas.slice(i, i + 2000) });
      await tx.$executeRaw`SELECT graphile_worker.add_job(${TAREA_IMPORTACION}, json_build_object('importacionId', ${importacion.id}::int), max_attempts => 5)`;
      return { id: importacion.id, total: importacion.total };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

export const cargaImportacion = z.object({ importacionId: z.number().int().positive() });

const filaDeDatos = (datos: Prisma.JsonValue) => {
  const f = datos as unknown as FilaImportada & { fechaInicio: string };
  return { ...f, fechaInicio: new Date(f.fechaInicio) };
};

/** Another writer got to a client or a referencia first: the batch is read again and redone. */
class Carrera extends Error {}

const esReintentable = (error: unknown) =>
  error instanceof Carrera ||
  (error instanceof Prisma.PrismaClientKnownRequestError && ["P2002", "P2034"].includes(error.code)) ||
  /deadlock detected|could not serialize/i.test(String((error as Error)?.message));

/** One batch in one transaction; throws when any row cannot be applied (the caller goes row by row). */
async function aplicarTanda(db: Db, importacion: { id: number; creadoPorId: number }, filas: FilaImportada[], ahora: Date, zona: string) {
  await db.$transaction(
    async (tx) => {
      const contexto = await contextoDe(tx, filas, true);
      const evaluadas = filas.map((f) => evaluar(f, contexto, zona));
      const decididas = evaluadas.flatMap((e) => ("decision" in e ? [e] : []));
      // Clients the batch needs and nobody has: created in email order (the order every writer takes).
      const faltantes = new Map<string, FilaImportada["cliente"]>();
      for (const { fila, decision } of decididas)
        if ((decision.resultado === "crear" || decision.cambios.titular) && !contexto.cuentas.has(fila.cliente.email.toLowerCase())) faltantes.set(fila.cliente.email.toLowerCase(), fila.cliente);
      const nuevos = [...faltantes.values()].sort((a, b) => (a.email.toLowerCase() < b.email.toLowerCase() ? -1 : 1));
      const creados = nuevos.length
        ? await tx.usuario.createManyAndReturn({
            data: nuevos.map((c) => ({ email: c.email, nombre: c.nombre, apellido: c.apellido, telefono: c.celular, rol: "CLIENTE" as const, nivel: "BRONZE" as const })),
            skipDuplicates: true,
            select: { id: true, email: true },
          })
        : [];
      if (creados.length < nuevos.length) throw new Carrera();
      const nuevosIds = new Map(creados.map((c) => [c.email.toLowerCase(), c.id]));
      for (const c of creados) contexto.cuentas.set(c.email.toLowerCase(), { id: c.id, rol: "CLIENTE" });
      if (creados.length)
        await tx.auditoriaUsuario.createMany({ data: creados.map((c) => ({ usuarioId: c.id, actorId: importacion.creadoPorId, accion: "CREADO", cambios: { rol: "CLIENTE", email: c.email, origen: `importacion #${importacion.id}` } })) });
      const clienteDe = (f: FilaImportada) => contexto.cuentas.get(f.cliente.email.toLowerCase())!.id;

      // The days last among the locks, and held only for the writes that fill them.
      await bloquearDias(tx, [...new Set(decididas.map((e) => e.decision.suma).filter((d): d is string => d !== null))]);
      const config = await obtenerConfiguracion(tx);
      const ocupacion = await ocupacionDe(tx, decididas.map((e) => e.decision), zona, config.capacidadDiariaPorDefecto);
      const advertencias = advertenciasDeFilas(decididas, ocupacion, limiteDeHorizonte(ahora, config.horizonteReservaDias), ahora, config.horizonteReservaDias);

      const aCrear = decididas.filter((e) => e.decision.resultado === "crear").sort((a, b) => (a.fila.referencia < b.fila.referencia ? -1 : 1));
      const creadas = aCrear.length
        ? await tx.reserva.createManyAndReturn({
            data: aCrear.map(({ fila }) => ({ usuarioId: clienteDe(fila), destino: fila.destino, fechaInicio: fila.fechaInicio, total: fila.total, moneda: fila.moneda, estado: fila.estado, referenciaExterna: fila.referencia })),
            skipDuplicates: true,
            select: { id: true, referenciaExterna: true },
          })
        : [];
      if (creadas.length < aCrear.length) throw new Carrera();
      const idDe = new Map(creadas.map((r) => [r.referenciaExterna!, r.id]));
      const servicios = aCrear.flatMap(({ fila }) => fila.servicios.map((s) => ({ ...s, reservaId: idDe.get(fila.referencia)! })));
      if (servicios.length) await tx.servicio.createMany({ data: servicios });

      const auditorias: Prisma.AuditoriaReservaCreateManyInput[] = [];
      for (const { fila, decision } of decididas) {
        const existente = contexto.existentes.get(fila.referencia);
        if (!existente || !Object.keys(decision.cambios).length) continue;
        const c = decision.cambios;
        await tx.reserva.update({
          where: { id: existente.id },
          data: {
            destino: c.destino ? fila.destino : undefined,
            total: c.total ? fila.total : undefined,
            moneda: c.moneda ? fila.moneda : undefined,
            estado: c.estado ? fila.estado : undefined,
            fechaInicio: c.fecha_inicio ? fila.fechaInicio : undefined,
            usuarioId: c.titular ? clienteDe(fila) : undefined,
            ...(c.servicios ? { servicios: { deleteMany: {}, create: fila.servicios } } : {}),
          },
        });
        auditorias.push({ reservaId: existente.id, actorId: importacion.creadoPorId, cambios: { ...c, origen: `importacion #${importacion.id}` } as Prisma.InputJsonValue });
      }
      if (auditorias.length) await tx.auditoriaReserva.createMany({ data: auditorias });

      const advertenciasDe = new Map(decididas.map((e, i) => [e.fila.linea, advertencias[i]]));
      const informes = evaluadas.map((e) => {
        const reservaId = "decision" in e ? (idDe.get(e.fila.referencia) ?? contexto.existentes.get(e.fila.referencia)?.id ?? null) : null;
        return { ...informeDe(e, advertenciasDe.get(e.fila.linea) ?? [], reservaId), cliente_nuevo_id: nuevosIds.get(e.fila.cliente.email.toLowerCase()) ?? null };
      });
      await guardarInformes(tx, importacion.id, informes);
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}

/** Writes the rows' results and advances the counters, in one statement each. */
async function guardarInformes(tx: Tx, importacionId: number, informes: (FilaInforme & { cliente_nuevo_id: number | null })[]) {
  // A new client is credited to the first row that needed it (the welcome email goes once anyway).
  const vistos = new Set<number>();
  const filas = informes.map((f) => {
    const nuevo = f.cliente_nuevo_id !== null && !vistos.has(f.cliente_nuevo_id) ? f.cliente_nuevo_id : null;
    if (nuevo) vistos.add(nuevo);
    return { linea: f.linea, resultado: ENUM_DE[f.resultado], reserva_id: f.reserva_id, cliente_nuevo_id: nuevo, detalle: f.conflicto, errores: f.errores.length ? f.errores : null, advertencias: f.advertencias.length ? f.advertencias : null, cambios: Object.keys(f.cambios).length ? f.cambios : null };
  });
  await tx.$executeRaw`
    UPDATE fila_importacion f
    SET resultado = x.resultado::"ResultadoFilaImportacion", reserva_id = x.reserva_id, cliente_nuevo_id = x.cliente_nuevo_id, detalle = x.detalle,
        errores = x.errores, advertencias = x.advertencias, cambios = x.cambios
    FROM jsonb_to_recordset(${JSON.stringify(filas)}::jsonb)
      AS x(linea int, resultado text, reserva_id int, cliente_nuevo_id int, detalle text, errores jsonb, advertencias jsonb, cambios jsonb)
    WHERE f.importacion_id = ${importacionId} AND f.linea = x.linea AND f.resultado = 'PENDIENTE'`;
  const r = resumir(informes);
  await tx.importacion.update({
    where: { id: importacionId },
    data: {
      procesadas: { increment: informes.length },
      creadas: { increment: r.creadas },
      actualizadas: { increment: r.actualizadas },
      sinCambios: { increment: r.sin_cambios },
      conflictos: { increment: r.conflictos },
      errores: { increment: r.errores },
      advertencias: { increment: r.advertencias },
    },
  });
}

async function aplicarConReintentos(db: Db, importacion: { id: number; creadoPorId: number }, filas: FilaImportada[], ahora: Date, zona: string) {
  for (let intento = 1; ; intento++) {
    try {
      return await aplicarTanda(db, importacion, filas, ahora, zona);
    } catch (error) {
      if (!esReintentable(error) || intento >= 5) throw error;
    }
  }
}

/** The worker's task: every pending row, a batch at a time; then the welcome emails, once. Safe to run again. */
export async function procesarImportacion(db: Db, importacionId: number, zona = zonaAgencia()) {
  const importacion = await db.importacion.findUnique({ where: { id: importacionId } });
  if (!importacion || importacion.estado === "TERMINADA") return;
  for (;;) {
    const pendientes = await db.filaImportacion.findMany({ where: { importacionId, resultado: "PENDIENTE" }, orderBy: { linea: "asc" }, take: filasPorTanda() });
    if (!pendientes.length) break;
    const filas = pendientes.map((p) => filaDeDatos(p.datos));
    const ahora = new Date();
    try {
      await aplicarConReintentos(db, importacion, filas, ahora, zona);
    } catch (error) {
      registro.warn({ importacion_id: importacionId, error: errorParaRegistro(error) }, "importacion: una tanda falló; se aplica fila por fila");
      for (const fila of filas) {
        try {
          await aplicarConReintentos(db, importacion, [fila], ahora, zona);
        } catch (errorFila) {
          registro.error({ importacion_id: importacionId, linea: fila.linea, error: errorParaRegistro(errorFila) }, "importacion: error no controlado en una fila");
          await db.$transaction((tx) =>
            guardarInformes(tx, importacionId, [{ ...informeDeError({ linea: fila.linea, referencia: fila.referencia, errores: [{ linea: fila.linea, columna: null, mensaje: "Ocurrió un error interno con esta fila; no se importó." }] }), cliente_nuevo_id: null }]),
          );
        }
      }
    }
    // Give the server's requests their turn between batches (the worker usually runs inside it).
    await new Promise((r) => setImmediate(r));
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.importacion.updateMany({ where: { id: importacionId, estado: "EN_CURSO" }, data: { estado: "TERMINADA", terminadoAt: new Date() } });
    if (count && importacion.enviarBienvenida)
      await encolarBienvenidas(tx, Prisma.sql`SELECT cliente_nuevo_id FROM fila_importacion WHERE importacion_id = ${importacionId} AND cliente_nuevo_id IS NOT NULL`);
  });
}

// ─── Reading an import ─────────────────────────────────────────────────────────────────────────

type FilaGuardada = Awaited<ReturnType<Db["filaImportacion"]["findMany"]>>[number];

const informeGuardado = (f: FilaGuardada): FilaInforme => ({
  linea: f.linea,
  referencia: f.referencia,
  resultado: f.resultado === "PENDIENTE" ? "error" : RESULTADO_DE[f.resultado],
  reserva_id: f.reservaId,
  errores: (f.errores as FilaInforme["errores"] | null) ?? [],
  advertencias: (f.advertencias as string[] | null) ?? [],
  cambios: (f.cambios as Cambios | null) ?? {},
  conflicto: f.detalle,
});

const CON_AUTOR = { creadoPor: { select: { nombre: true, apellido: true } } } as const;
type ImportacionConAutor = Prisma.ImportacionGetPayload<{ include: typeof CON_AUTOR }>;

export const resumenDeImportacion = (i: ImportacionConAutor) => ({
  id: i.id,
  estado: i.estado,
  nombre_archivo: i.nombreArchivo,
  enviar_bienvenida: i.enviarBienvenida,
  creada_por: `${i.creadoPor.nombre} ${i.creadoPor.apellido}`.trim(),
  creado: i.createdAt.toISOString(),
  terminado: i.terminadoAt?.toISOString() ?? null,
  total: i.total,
  procesadas: i.procesadas,
  resumen: { creadas: i.creadas, actualizadas: i.actualizadas, sin_cambios: i.sinCambios, conflictos: i.conflictos, errores: i.errores, advertencias: i.advertencias } satisfies Resumen,
});

/** State and counters; once finished (and asked for), the per-row report too. */
export async function estadoImportacion(db: Db, id: number, conFilas = true) {
  const i = await db.importacion.findUnique({ where: { id }, include: CON_AUTOR });
  if (!i) throw noEncontrado("La importación no existe.");
  const filas = i.estado === "TERMINADA" && conFilas ? (await db.filaImportacion.findMany({ where: { importacionId: id }, orderBy: { linea: "asc" } })).map(informeGuardado) : null;
  return { ...resumenDeImportacion(i), filas };
}
export type EstadoImportacion = Awaited<ReturnType<typeof estadoImportacion>>;

export async function importacionesRecientes(db: Db) {
  return db.importacion.findMany({ orderBy: { createdAt: "desc" }, take: 10, include: CON_AUTOR });
}

const describirCambios = (cambios: Cambios) =>
  Object.entries(cambios)
    .map(([campo, { antes, despues }]) => `${campo}: ${typeof antes === "object" ? JSON.stringify(antes) : antes} → ${typeof despues === "object" ? JSON.stringify(despues) : despues}`)
    .join("; ");

/** The per-row report as CSV, for a spreadsheet (what a finished import did; so far, while it runs). */
export async function informeDeImportacionCsv(db: Db, id: number): Promise<string> {
  if (!(await db.importacion.count({ where: { id } }))) throw noEncontrado("La importación no existe.");
  return informeComoCsv((await db.filaImportacion.findMany({ where: { importacionId: id, resultado: { not: "PENDIENTE" } }, orderBy: { linea: "asc" } })).map(informeGuardado));
}

export function informeComoCsv(filas: FilaInforme[]): string {
  return comoCsv(
    ["linea", "referencia", "resultado", "reserva_id", "errores", "cambios", "conflicto", "advertencias"],
    filas.map((f) => [f.linea, f.referencia, f.resultado, f.reserva_id, f.errores.map((e) => (e.columna ? `${e.columna}: ${e.mensaje}` : e.mensaje)).join(" | "), describirCambios(f.cambios), f.conflicto, f.advertencias.join(" | ")]),
  );
}

// ─── The edge's use case ───────────────────────────────────────────────────────────────────────

/** POST /api/admin/importaciones/: the form's fields → a dry run (200) or a stored import (202). */
export async function recibirImportacion(db: Db, actor: Actor, formulario: FormData) {
  const campos = Object.fromEntries([...formulario.keys()].map((k) => [k, formulario.get(k)]));
  const pedido = parsearCon(pedidoImportacionSchema, campos, "El pedido de importación no es válido.");
  const contenido = Buffer.from(await pedido.archivo.arrayBuffer());
  if (pedido.simulacion) return { status: 200, cuerpo: await simularImportacion(db, contenido) };
  return { status: 202, cuerpo: await crearImportacion(db, actor, { nombre: pedido.archivo.name, contenido }, pedido.enviar_bienvenida) };
}
