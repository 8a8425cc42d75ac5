import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { verificarCredenciales } from "./credenciales";
import { abrirSesion, cerrarSesion, DURACION_SESION_MS } from "./sesiones";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: DURACION_SESION_MS / 1000 },
  pages: { signIn: "/login" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "Correo y contraseña",
      credentials: {
        email: { label: "Correo electrónico", type: "email" },
        password: { label: "Contraseña", type: "password" },
      },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        const actor = await verificarCredenciales(prisma, credentials.email, credentials.password);
        if (!actor) return null;
        // The server-side session this sign-in opens; the JWT only carries its id.
        const { sid } = await abrirSesion(prisma, actor.id);
        return { id: String(actor.id), email: actor.email, name: `${actor.nombre} ${actor.apellido}`, rol: actor.rol, nombre: actor.nombre, apellido: actor.apellido, sid };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.id = Number(user.id);
        token.rol = user.rol;
        token.nombre = user.nombre;
        token.apellido = user.apellido;
        token.sid = user.sid;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.id,
        email: token.email ?? "",
        name: token.name ?? "",
        nombre: token.nombre,
        apellido: token.apellido,
        rol: token.rol,
      };
      return session;
    },
  },
  events: {
    // "Cerrar sesión" ends the session on the server: a copy of the cookie is dead from now on.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await cerrarSesion(prisma, token.sid);
    },
  },
};
