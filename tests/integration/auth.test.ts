import { afterAll, describe, expect, it } from "vitest";
import { verificarCredenciales } from "@/lib/auth/credenciales";
import { db } from "./db";

afterAll(() => db.$disconnect());

describe("verificarCredenciales (base de datos real)", () => {
  it("acepta cada cuenta demo con demo1234 y devuelve su rol", async () => {
    const esperados = { "cliente@demo.bo": "CLIENTE", "vip@demo.bo": "CLIENTE", "operador@demo.bo": "OPERADOR", "admin@demo.bo": "ADMIN" };
    for (const [email, rol] of Object.entries(esperados)) {
      const actor = await verificarCredenciales(db, email, "demo1234");
      expect(actor?.rol, email).toBe(rol);
    }
  });

  it("rechaza una contraseña incorrecta y un correo desconocido", async () => {
    expect(await verificarCredenciales(db, "cliente@demo.bo", "demo12345")).toBeNull();
    expect(await verificarCredenciales(db, "nadie@demo.bo", "demo1234")).toBeNull();
  });

  it("no guarda contraseñas en claro", async () => {
    const usuario = await db.usuario.findUniqueOrThrow({ where: { email: "cliente@demo.bo" } });
    expect(usuario.passwordHash).toMatch(/^\$2[aby]\$10\$/);
  });
});
