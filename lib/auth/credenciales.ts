import bcrypt from "bcryptjs";
import type { Db } from "@/lib/db/client";
import type { Rol } from "@/lib/generated/prisma/enums";

export interface Actor {
  id: number;
  email: string;
  nombre: string;
  apellido: string;
  rol: Rol;
  /** A manage-link session reaches only this reservation; null or absent: a full session. */
  reservaId?: number | null;
}

// Compared against when the email is unknown or has no password, so every path costs one bcrypt comparison.
const HASH_FICTICIO = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.Wj9ePqFv0BrDHDgIbfy3GRoYHNnK";

/** The user with this email, compared case-insensitively (emails are stored as typed, trimmed). */
export async function usuarioPorEmail(db: Pick<Db, "$queryRaw">, email: string) {
  const [fila] = await db.$queryRaw<{ id: number }[]>`SELECT id FROM usuario WHERE lower(email) = lower(${email.trim()})`;
  return fila?.id ?? null;
}

/** A deactivated account, one without a password and a wrong password are the same refusal. */
export async function verificarCredenciales(db: Db, email: string, password: string): Promise<Actor | null> {
  const id = await usuarioPorEmail(db, email);
  const usuario = id ? await db.usuario.findUnique({ where: { id } }) : null;
  const coincide = await bcrypt.compare(password, usuario?.passwordHash ?? HASH_FICTICIO);
  if (!usuario || !usuario.activo || !usuario.passwordHash || !coincide) return null;
  return actorDeUsuario(usuario);
}

/** The acting identity carried in the session, from a user row. */
export const actorDeUsuario = (u: Actor): Actor => ({ id: u.id, email: u.email, nombre: u.nombre, apellido: u.apellido, rol: u.rol });
