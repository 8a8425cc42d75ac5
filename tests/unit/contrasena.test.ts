// Password rules, each on its own: length, bcrypt's 72 bytes, the email's name, the common list,
// and zxcvbn-ts's guessability with its advice in Spanish.
import { describe, expect, it } from "vitest";
import { problemaDeContrasena } from "@/lib/cuenta/contrasena";

const ana = { email: "ana.quispe@agencia.bo", nombre: "Ana", apellido: "Quispe" };

describe("reglas de contraseña", () => {
  it("menos de 10 caracteres", () => expect(problemaDeContrasena("Corta-1!", ana)).toBe("La contraseña debe tener al menos 10 caracteres."));
  it("más de 72 bytes (bcrypt ignoraría el resto)", () => expect(problemaDeContrasena("ñ".repeat(37), ana)).toMatch(/no puede superar 72 bytes/));
  it("contiene el nombre del correo, sin importar mayúsculas", () => expect(problemaDeContrasena("Mi-ANA.QUISPE-del-2026", ana)).toBe("La contraseña no puede contener el nombre de su correo («ana.quispe»)."));
  it("una de las más usadas", () => {
    expect(problemaDeContrasena("password123", ana)).toBe("Es una de las contraseñas más usadas en el mundo; elija otra.");
    expect(problemaDeContrasena("qwertyuiop", ana)).toBe("Es una de las contraseñas más usadas en el mundo; elija otra.");
  });
  it("fácil de adivinar, con el consejo en castellano", () => {
    const problema = problemaDeContrasena("Bolivia2026", ana);
    expect(problema).toMatch(/^La contraseña es fácil de adivinar\. /);
    expect(problema).toMatch(/palabras/);
  });
  it("su propio apellido con años no pasa", () => expect(problemaDeContrasena("Quispe19901990", ana)).not.toBeNull());
  it("una frase de varias palabras pasa", () => {
    expect(problemaDeContrasena("Montaña-verde-lluvia-27", ana)).toBeNull();
    expect(problemaDeContrasena("correcto caballo batería grapa", ana)).toBeNull();
  });
});
