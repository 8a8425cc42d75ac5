import type { Rol } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface User {
    rol: Rol;
    nombre: string;
    apellido: string;
    /** The server-side session this sign-in opened (lib/auth/sesiones.ts). */
    sid: string;
  }
  interface Session {
    user: { id: number; email: string; name: string; nombre: string; apellido: string; rol: Rol };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id: number;
    rol: Rol;
    nombre: string;
    apellido: string;
    sid?: string;
  }
}
