// People of the agency, managed by admins: list, create (staff get an invitation, clients a
// welcome), edit, change role, deactivate and reactivate. Every change is audited; a role change or
// deactivation ends the person's sessions everywhere; the last active admin stays an active admin.
import { z } from "zod";
import type { Actor } from "@/lib/auth/credenciales";
import { usuarioPorEmail } from "@/lib/auth/credenciales";
import { cerrarSesionesDe } from "@/lib/auth/sesiones";
import type { Db } from "@/lib/db/client";
import { ErrorDominio, noEncontrado } from "@/lib/errores";
import { Prisma } from "@/lib/generated/prisma/client";
import { Rol } from "@/lib/generated/prisma/enums";
import { porPalabra } from "@/lib/busqueda";
import { paginacion, ventana } from "@/lib/paginacion";
import { telefonoMovilSchema } from "@/lib/telefono";
import { emailSchema, parsearCon, texto } from "@/lib/validacion";
import { encolarCorreoCuenta } from "@/lib/cuenta/correos";
import { registrarAuditoria } from "./auditoria";


const departamento = texto(100).transform((v) => v || null);

export const filtrosUsuariosSchema = z
  .object({
    /** Words that must all appear in the name, surname or email. */
    q: texto(100).optional(),
    rol: z.enum(Rol, { error: "Use CLIENTE, OPERADOR o ADMIN" }).optional(),
    activo: z.enum(["true", "false"], { error: "Use true o false" }).transform((v) => v === "true").optional(),
    ...paginacion(25, 100),
  })
  .strict();
export type FiltrosUsuarios = z.infer<typeof filtrosUsuariosSchema>;

export const crearUsuarioSchema = z
  .object({
    nombre: texto(100, { min: 1, requerido: "Indique el nombre", mensajeMin: "Indique el nombre" }),
    apellido: texto(100, { min: 1, requerido: "Indique el apellido", mensajeMin: "Indique el apellido" }),
    email: emailSchema,
    rol: z.enum(Rol, { error: "Elija CLIENTE, OPERADOR o ADMIN" }),
    departamento: departamento.optional(),
    telefono: telefonoMovilSchema.optional(),
  })
  .strict();

export const actualizarUsuarioSchema = z
  .object({
    nombre: texto(100, { min: 1, mensajeMin: "Indique el nombre" }).optional(),
    apellido: texto(100, { min: 1, mensajeMin: "Indique el apellido" }).optional(),
    rol: z.enum(Rol, { error: "Elija CLIENTE, OPERADOR o ADMIN" }).optional(),
    activo: z.boolean({ error: "Debe ser true o false" }).optional(),
    departamento: departamento.nullable().optional(),
    telefono: telefonoMovilSchema.nullable().optional(),
  })
  .strict()
  .refine((d) => Object.keys(d).length > 0, "Indique al menos un campo para cambiar");

const SELECCION = {
  id: true,
  email: true,
  nombre: true,
  apellido: true,
  rol: true,
  activo: true,
  departamento: true,
  telefono: true,
  nivel: true,
  passwordHash: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.UsuarioSelect;
export type UsuarioGestion = Prisma.UsuarioGetPayload<{ select: typeof SELECCION }>;

/** A person as the API shows them: never a hash or a token, only whether a password exists. */
export const serializarUsuario = (u: UsuarioGestion) => ({
  id: u.id,
  email: u.email,
  nombre: u.nombre,
  apellido: u.apellido,
  rol: u.rol,
  activo: u.activo,
  departamento: u.departamento,
  telefono: u.telefono,
  nivel: u.nivel,
  tiene_contrasena: u.passwordHash !== null,
  created_at: u.createdAt.toISOString(),
  updated_at: u.updatedAt.toISOString(),
});

const emailYaRegistrado = () =>
  new ErrorDominio(409, "EMAIL_YA_REGISTRADO", "Ya existe una cuenta con ese correo.", { campos: { email: "Ya existe una cuenta con ese correo" } });

const terminos = (q: string | undefined): Prisma.UsuarioWhereInput[] => porPalabra(q, (_t, contiene) => ({ OR: [{ nombre: contiene }, { apellido: contiene }, { email: contiene }] }));

export async function listarUsuarios(db: Db, consulta: unknown) {
  const filtros = parsearCon(filtrosUsuariosSchema, consulta, "Los filtros no son válidos.");
  const where: Prisma.UsuarioWhereInput = { rol: filtros.rol, activo: filtros.activo, AND: terminos(filtros.q) };
  const [total, usuarios] = await Promise.all([
    db.usuario.count({ where }),
    db.usuario.findMany({ where, select: SELECCION, orderBy: [{ apellido: "asc" }, { nombre: "asc" }, { id: "asc" }], ...ventana(filtros) }),
  ]);
  return { total, pagina: filtros.pagina, por_pagina: filtros.por_pagina, usuarios: usuarios.map(serializarUsuario) };
}

export async function obtenerUsuario(db: Db, id: number) {
  const usuario = await db.usuario.findUnique({ where: { id }, select: SELECCION });
  if (!usuario) throw noEncontrado("El usuario no existe.");
  return usuario;
}

const esStaff = (rol: Rol) => rol !== "CLIENTE";

export async function crearUsuario(db: Db, actor: Actor, body: unknown) {
  const datos = parsearCon(crearUsuarioSchema, body, "Los datos del usuario no son válidos.");
  try {
    return await db.$transaction(async (tx) => {
      if (await usuarioPorEmail(tx, datos.email)) throw emailYaRegistrado();
      const usuario = await tx.usuario.create({
        data: {
          email: datos.email,
          nombre: datos.nombre,
          apellido: datos.apellido,
          rol: datos.rol,
          departamento: esStaff(datos.rol) ? (datos.departamento ?? null) : null,
          telefono: datos.telefono ?? null,
          nivel: datos.rol === "CLIENTE" ? "BRONZE" : null,
        },
        select: SELECCION,
      });
      await registrarAuditoria(tx, usuario.id, actor.id, "CREADO", { rol: usuario.rol, email: usuario.email });
      await encolarCorreoCuenta(tx, usuario.id, esStaff(usuario.rol) ? "invitacion" : "bienvenida");
      return usuario;
    });
  } catch (error) {
    // Two admins creating the same email at once: the unique index on lower(email) decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw emailYaRegistrado();
    throw error;
  }
}

// Serialises changes that could leave the agency without an active admin.
const BLOQUEO_ADMINISTRADORES = 720_301;

type Cambios = Record<string, { antes: unknown; despues: unknown }>;

export async function actualizarUsuario(db: Db, actor: Actor, id: number, body: unknown) {
  const datos = parsearCon(actualizarUsuarioSchema, body, "Los datos del usuario no son válidos.");
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BLOQUEO_ADMINISTRADORES})`;
    const antes = await tx.usuario.findUnique({ where: { id }, select: SELECCION });
    if (!antes) throw noEncontrado("El usuario no existe.");
    const rol = datos.rol ?? antes.rol;
    const activo = datos.activo ?? antes.activo;
    if (antes.rol === "ADMIN" && antes.activo && (rol !== "ADMIN" || !activo)) {
      const otros = await tx.usuario.count({ where: { rol: "ADMIN", activo: true, id: { not: id } } });
      if (otros === 0)
        throw new ErrorDominio(409, "ULTIMO_ADMINISTRADOR", "Es el único administrador activo: no puede desactivarse ni cambiar de rol. Nombre antes a otro administrador.");
    }
    const nuevo = {
      nombre: datos.nombre ?? antes.nombre,
      apellido: datos.apellido ?? antes.apellido,
      rol,
      activo,
      departamento: datos.departamento === undefined ? antes.departamento : datos.departamento,
      telefono: datos.telefono === undefined ? antes.telefono : datos.telefono,
    };
    const cambios: Cambios = {};
    for (const campo of Object.keys(nuevo) as (keyof typeof nuevo)[]) if (nuevo[campo] !== antes[campo]) cambios[campo] = { antes: antes[campo], despues: nuevo[campo] };
    if (Object.keys(cambios).length === 0) return antes;
    const usuario = await tx.usuario.update({ where: { id }, data: { ...nuevo, nivel: rol === "CLIENTE" ? (antes.nivel ?? "BRONZE") : antes.nivel }, select: SELECCION });
    await registrarAuditoria(tx, id, actor.id, "ACTUALIZADO", cambios);
    // A new role or a deactivation takes effect now: every session of theirs ends on commit.
    if (cambios.rol || cambios.activo) await cerrarSesionesDe(tx, id, cambios.activo ? "desactivado" : "cambio de rol");
    return usuario;
  });
}

/** Sends a new invitation; the previous link stops working. Only staff still without a password. */
export async function reenviarInvitacion(db: Db, actor: Actor, id: number) {
  return db.$transaction(async (tx) => {
    const usuario = await tx.usuario.findUnique({ where: { id }, select: SELECCION });
    if (!usuario) throw noEncontrado("El usuario no existe.");
    if (!esStaff(usuario.rol) || !usuario.activo || usuario.passwordHash)
      throw new ErrorDominio(409, "INVITACION_NO_PENDIENTE", "Solo se invita a personal activo que aún no eligió su contraseña. Para una cuenta con contraseña, use «¿Olvidó su contraseña?».");
    // The new invitation replaces the pending one: its link stops working.
    await encolarCorreoCuenta(tx, id, "invitacion");
    await registrarAuditoria(tx, id, actor.id, "INVITACION_REENVIADA", {});
    return usuario;
  });
}

export async function auditoriaDe(db: Db, usuarioId: number) {
  return db.auditoriaUsuario.findMany({ where: { usuarioId }, include: { actor: { select: { nombre: true, apellido: true } } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100 });
}

