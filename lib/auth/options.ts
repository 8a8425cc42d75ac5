import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { verificarCredenciales } from "./credenciales";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
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
        return { id: String(actor.id), email: actor.email, name: `${actor.nombre} ${actor.apellido}`, rol: actor.rol, nombre: actor.nombre, apellido: actor.apellido };
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
};
