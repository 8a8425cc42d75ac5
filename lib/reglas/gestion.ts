// Rules (§6): admins write, staff read. Values are checked per rule type on the merged result, so
// a PATCH can never leave a rule that the evaluator cannot use.
import { z } from "zod";
import type { Actor } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { ErrorDominio, noEncontrado } from "@/lib/errores";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AplicableA, NivelCliente, TipoRegla } from "@/lib/generated/prisma/enums";
import { iso } from "@/lib/reservas/serializar";
import { DIAS_SEMANA } from "@/lib/reprogramacion/calendario";
import { diasBloqueados } from "@/lib/reprogramacion/reglas";
import { costoReprogramacionSchema, politicaCancelacionSchema, transferenciaSchema } from "@/lib/politicas/politicas";
import { diaIso, errorDeValidacion, fechaIso, idEntero, texto } from "@/lib/validacion";

const fechaONull = z.union([fechaIso("Indique la fecha"), z.null()], { error: "Fecha inválida: use ISO 8601 entre los años 2000 y 2100" });

const condicionesSchema = z
  .object({
    solo_clientes_vip: z.boolean().optional(),
    nivel_minimo: z.enum(NivelCliente, { error: "Nivel inválido: BRONZE, SILVER, GOLD o PLATINUM" }).optional(),
    excluir_feriados: z.boolean().optional(),
    excluir_feriados_nacionales: z.boolean().optional(),
    incluir_feriados_locales: z.array(diaIso("Use fechas AAAA-MM-DD")).max(366).optional(),
    excepciones_emergencia: z.boolean().optional(),
    // Policies' tiers; checked with the policy's own schema in validarCoherencia.
    tramos: z.array(z.record(z.string(), z.union([z.number(), texto(20)]))).max(10).optional(),
  })
  .catchall(z.union([texto(500), z.number(), z.boolean(), z.null()]));

const camposRegla = {
  nombre: texto(200, { min: 3, requerido: "El nombre es requerido" }),
  tipo_regla: z.enum(TipoRegla, { error: "Tipo inválido: TIEMPO_MINIMO, LIMITE_REPROGRAMACIONES, DIA_BLACKOUT, POLITICA_CANCELACION, COSTO_REPROGRAMACION o TRANSFERENCIA" }),
  aplicable_a: z.enum(AplicableA, { error: "Valor inválido: CLIENTE, OPERADOR, ADMIN o TODOS" }),
  valor_numerico: z.union([z.number({ error: "Debe ser un número entero" }).int("Debe ser un entero").positive("Debe ser mayor a 0").max(100_000, "Como máximo 100000"), z.null()], {
    error: "Debe ser un número entero mayor a 0",
  }),
  valor_texto: z.union([texto(200), z.null()]),
  activa: z.boolean({ error: "Debe ser true o false" }),
  prioridad: z.number({ error: "Debe ser un número entero de 0 a 1000" }).int("Debe ser un entero").min(0, "Mínimo 0").max(1000, "Máximo 1000"),
  mensaje_error: texto(500, { min: 5, requerido: "El mensaje de error es requerido" }),
  fecha_inicio_vigencia: fechaONull,
  fecha_fin_vigencia: fechaONull,
  condiciones_extras: condicionesSchema,
};

export const crearReglaSchema = z
  .object({
    ...camposRegla,
    aplicable_a: camposRegla.aplicable_a.default("TODOS"),
    valor_numerico: camposRegla.valor_numerico.optional(),
    valor_texto: camposRegla.valor_texto.optional(),
    activa: camposRegla.activa.default(true),
    prioridad: camposRegla.prioridad.default(10),
    fecha_inicio_vigencia: fechaONull.optional(),
    fecha_fin_vigencia: fechaONull.optional(),
    condiciones_extras: condicionesSchema.default({}),
  })
  .strict();

export const actualizarReglaSchema = z.object({ id: idEntero().optional(), ...camposRegla }).partial().strict();

type DatosRegla = Prisma.ReglaReprogramacionUncheckedCreateInput;
const DIAS_VALIDOS = [...DIAS_SEMANA, "FERIADOS"];
const ESQUEMA_POLITICA = { POLITICA_CANCELACION: politicaCancelacionSchema, COSTO_REPROGRAMACION: costoReprogramacionSchema, TRANSFERENCIA: transferenciaSchema };

function validarCoherencia(r: DatosRegla): DatosRegla {
  const campos: Record<string, string> = {};
  const politica = ESQUEMA_POLITICA[r.tipoRegla as keyof typeof ESQUEMA_POLITICA];
  if (politica) {
    const c = (r.condicionesExtras ?? {}) as Record<string, unknown>;
    const propias = Object.fromEntries(Object.entries(c).filter(([k]) => k in politica.shape));
    const leida = politica.safeParse(propias);
    if (!leida.success) for (const issue of leida.error.issues) campos[`condiciones_extras.${issue.path.join(".")}`] ??= issue.message;
    else r.condicionesExtras = { ...c, ...leida.data } as Prisma.InputJsonValue;
    r.valorNumerico = null;
  } else if (r.tipoRegla === "DIA_BLACKOUT") {
    const dias = diasBloqueados(r.valorTexto ?? null);
    const invalidos = dias.filter((d) => !DIAS_VALIDOS.includes(d));
    if (!dias.length) campos.valor_texto = "Indique los días, p. ej. SABADO,DOMINGO,FERIADOS";
    else if (invalidos.length) campos.valor_texto = `Días no válidos: ${invalidos.join(", ")} (use LUNES a DOMINGO o FERIADOS)`;
    else r.valorTexto = [...new Set(dias)].join(",");
  } else if (r.valorNumerico == null) {
    campos.valor_numerico = r.tipoRegla === "TIEMPO_MINIMO" ? "Indique las horas de anticipación (entero positivo)" : "Indique el número máximo de reprogramaciones";
  }
  if (r.fechaInicioVigencia && r.fechaFinVigencia && new Date(r.fechaInicioVigencia as Date) >= new Date(r.fechaFinVigencia as Date))
    campos.fecha_fin_vigencia = "Debe ser posterior a fecha_inicio_vigencia";
  if (Object.keys(campos).length) throw new ErrorDominio(400, "DATOS_INVALIDOS", "La regla no es válida.", { campos });
  return r;
}

const aFecha = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));

function aDatos(d: Partial<z.infer<typeof crearReglaSchema>>): Partial<DatosRegla> {
  const datos: Partial<DatosRegla> = {
    nombre: d.nombre,
    tipoRegla: d.tipo_regla,
    aplicableA: d.aplicable_a,
    valorNumerico: d.valor_numerico,
    valorTexto: d.valor_texto,
    activa: d.activa,
    prioridad: d.prioridad,
    mensajeError: d.mensaje_error,
    fechaInicioVigencia: aFecha(d.fecha_inicio_vigencia),
    fechaFinVigencia: aFecha(d.fecha_fin_vigencia),
    condicionesExtras: d.condiciones_extras as Prisma.InputJsonValue | undefined,
  };
  return Object.fromEntries(Object.entries(datos).filter(([, v]) => v !== undefined)) as Partial<DatosRegla>;
}

const INCLUIR = { creadoPor: true } as const;
type ReglaConAutor = Prisma.ReglaReprogramacionGetPayload<{ include: typeof INCLUIR }>;

export function serializarRegla(r: ReglaConAutor) {
  return {
    id: r.id,
    nombre: r.nombre,
    tipo_regla: r.tipoRegla,
    aplicable_a: r.aplicableA,
    valor_numerico: r.valorNumerico,
    valor_texto: r.valorTexto,
    activa: r.activa,
    prioridad: r.prioridad,
    mensaje_error: r.mensajeError,
    fecha_inicio_vigencia: iso(r.fechaInicioVigencia),
    fecha_fin_vigencia: iso(r.fechaFinVigencia),
    condiciones_extras: r.condicionesExtras,
    created_at: iso(r.createdAt),
    updated_at: iso(r.updatedAt),
    creado_por: r.creadoPor
      ? { id: r.creadoPor.id, username: r.creadoPor.email, first_name: r.creadoPor.nombre, last_name: r.creadoPor.apellido }
      : null,
  };
}

export async function listarReglas(db: Db) {
  const reglas = await db.reglaReprogramacion.findMany({ include: INCLUIR, orderBy: [{ tipoRegla: "asc" }, { prioridad: "asc" }, { id: "asc" }] });
  return reglas.map(serializarRegla);
}

async function reglaExistente(db: Db, id: number) {
  const regla = await db.reglaReprogramacion.findUnique({ where: { id }, include: INCLUIR });
  if (!regla) throw noEncontrado("La regla no existe.");
  return regla;
}

export async function obtenerRegla(db: Db, id: number) {
  return serializarRegla(await reglaExistente(db, id));
}

export async function crearRegla(db: Db, actor: Actor, body: unknown) {
  const parsed = crearReglaSchema.safeParse(body);
  if (!parsed.success) throw errorDeValidacion(parsed.error, "La regla no es válida.");
  const datos = validarCoherencia({ ...(aDatos(parsed.data) as DatosRegla), creadoPorId: actor.id });
  return serializarRegla(await db.reglaReprogramacion.create({ data: datos, include: INCLUIR }));
}

export async function actualizarRegla(db: Db, id: number, body: unknown) {
  const parsed = actualizarReglaSchema.safeParse(body);
  if (!parsed.success) throw errorDeValidacion(parsed.error, "La regla no es válida.");
  if (parsed.data.id !== undefined && parsed.data.id !== id)
    throw new ErrorDominio(400, "DATOS_INVALIDOS", "El id del cuerpo no coincide con el de la ruta.", { campos: { id: "Debe coincidir con la ruta" } });
  const actual = await reglaExistente(db, id);
  const cambios = aDatos(parsed.data);
  const { creadoPor, ...fila } = actual;
  void creadoPor;
  validarCoherencia({ ...fila, condicionesExtras: fila.condicionesExtras as Prisma.InputJsonValue, ...cambios } as DatosRegla);
  if (cambios.valorTexto) cambios.valorTexto = diasBloqueados(cambios.valorTexto).join(",");
  return serializarRegla(await db.reglaReprogramacion.update({ where: { id }, data: cambios, include: INCLUIR }));
}

export async function eliminarRegla(db: Db, id: number) {
  await reglaExistente(db, id);
  await db.reglaReprogramacion.delete({ where: { id } });
}
