import bcrypt from "bcryptjs";
import type { Db } from "@/lib/db/client";
import type { Rol } from "@/lib/generated/prisma/enums";

export interface Actor {
  id: number;
  email: string;
  nombre: string;
  apellido: string;
  rol: Rol;
}

// Compared against when the email is unknown, so both paths cost one bcrypt comparison.
const HASH_FICTICIO = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.Wj9ePqFv0BrDHDgIbfy3GRoYHNnK";

export async function verificarCredenciales(db: Db, email: string, password: string): Promise<Actor | null> {
  const usuario = await db.usuario.findUnique({ where: { email: email.trim().toLowerCase() } });
  const coincide = await bcrypt.compare(password, usuario?.passwordHash ?? HASH_FICTICIO);
  if (!usuario || !usuario.activo || !coincide) return null;
  return actorDeUsuario(usuario);
}

/** The acting identity carried in the session, from a user row. */
export const actorDeUsuario = (u: Actor): Actor => ({ id: u.id, email: u.email, nombre: u.nombre, apellido: u.apellido, rol: u.rol });
