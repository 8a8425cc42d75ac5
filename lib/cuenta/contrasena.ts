// Choosing a password: at least 10 characters, not one of the common passwords, not containing the
// name of the account's email, and hard enough to guess for zxcvbn-ts (score 3 of 4), with its advice
// in Spanish. Checked on the server on every path that sets a password.
import bcrypt from "bcryptjs";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as comun from "@zxcvbn-ts/language-common";
import * as espanol from "@zxcvbn-ts/language-es-es";
import { z } from "zod";

export const LONGITUD_MINIMA = 10;
// bcrypt reads 72 bytes; anything after them would be silently ignored.
const BYTES_MAXIMOS = 72;
const PUNTAJE_MINIMO = 3;
const COSTO_BCRYPT = 10;

/** What the form shows next to the field, before anything is typed. */
export const AYUDA_CONTRASENA = `Al menos ${LONGITUD_MINIMA} caracteres. Evite contraseñas conocidas y su nombre o correo; una frase de varias palabras funciona bien.`;

let evaluador: ZxcvbnFactory | null = null;
let comunes: Set<string> | null = null;

// Built on first use: the dictionaries take a moment to load and only password forms need them.
function zxcvbn() {
  evaluador ??= new ZxcvbnFactory({
    dictionary: { ...comun.dictionary, ...espanol.dictionary },
    graphs: comun.adjacencyGraphs,
    translations: espanol.translations,
  });
  comunes ??= new Set(comun.dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return { evaluador, comunes };
}

export interface DatosPersona {
  email: string;
  nombre?: string;
  apellido?: string;
}

/** Why this password is refused, in Spanish; null when it is acceptable. */
export function problemaDeContrasena(password: string, persona: DatosPersona): string | null {
  if (password.length < LONGITUD_MINIMA) return `La contraseña debe tener al menos ${LONGITUD_MINIMA} caracteres.`;
  if (Buffer.byteLength(password, "utf8") > BYTES_MAXIMOS) return `La contraseña no puede superar ${BYTES_MAXIMOS} bytes (unos ${BYTES_MAXIMOS} caracteres sin tildes).`;
  const minuscula = password.toLowerCase();
  const nombreCorreo = persona.email.trim().toLowerCase().split("@")[0] ?? "";
  if (nombreCorreo.length >= 3 && minuscula.includes(nombreCorreo)) return `La contraseña no puede contener el nombre de su correo («${nombreCorreo}»).`;
  const { evaluador, comunes } = zxcvbn();
  if (comunes.has(minuscula)) return "Es una de las contraseñas más usadas en el mundo; elija otra.";
  const personales = [nombreCorreo, persona.nombre, persona.apellido].filter((t): t is string => !!t && t.length >= 3);
  const resultado = evaluador.check(password, personales);
  if (resultado.score >= PUNTAJE_MINIMO) return null;
  const consejo = [resultado.feedback.warning, ...resultado.feedback.suggestions].filter(Boolean).join(" ");
  return `La contraseña es fácil de adivinar.${consejo ? ` ${consejo}` : " Agregue más palabras o caracteres poco comunes."}`;
}

/** A password field in a request: present and a string; its strength is checked against the person. */
export const contrasenaSchema = z.string({ error: "Indique la contraseña" }).min(1, "Indique la contraseña").max(200, "La contraseña es demasiado larga");

export const hashDeContrasena = (password: string) => bcrypt.hash(password, COSTO_BCRYPT);
