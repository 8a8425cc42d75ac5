// Who may enter which part of the app. Shared by proxy.ts (early refusal) and the server guards.
import type { Rol } from "@/lib/generated/prisma/enums";

export type { Rol };
export const ROLES_STAFF: Rol[] = ["OPERADOR", "ADMIN"];

export const INICIO_POR_ROL: Record<Rol, string> = {
  CLIENTE: "/reservas",
  OPERADOR: "/soporte",
  ADMIN: "/admin",
};

/** Page areas and the roles admitted; the first matching prefix decides. */
export const AREAS: { prefijo: string; roles: Rol[] }[] = [
  { prefijo: "/reservas", roles: ["CLIENTE"] },
  { prefijo: "/soporte", roles: ROLES_STAFF },
  { prefijo: "/admin", roles: ["ADMIN"] },
  { prefijo: "/dev", roles: ROLES_STAFF },
];

export function rolesDelArea(pathname: string): Rol[] | null {
  const area = AREAS.find((a) => pathname === a.prefijo || pathname.startsWith(`${a.prefijo}/`));
  return area ? area.roles : null;
}

export const esStaff = (rol: Rol) => ROLES_STAFF.includes(rol);

/** Role names as people read them. */
export const NOMBRE_ROL: Record<Rol, string> = { CLIENTE: "Cliente", OPERADOR: "Operador", ADMIN: "Administrador" };
