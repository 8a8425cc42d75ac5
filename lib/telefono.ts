// Mobile numbers for SMS: validated and stored in E.164 (+59171234567) with libphonenumber-js.
// Numbers typed without a country code are read as Bolivian.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { z } from "zod";

const PAIS_POR_DEFECTO = "BO";

/** The number in E.164 if it is a valid mobile (or mobile-capable) number, otherwise null. */
export function normalizarMovil(texto: string): string | null {
  const numero = parsePhoneNumberFromString(texto.trim(), PAIS_POR_DEFECTO);
  if (!numero?.isValid()) return null;
  const tipo = numero.getType();
  // Fixed lines cannot receive SMS; some countries do not tell mobiles from fixed lines.
  if (tipo !== undefined && tipo !== "MOBILE" && tipo !== "FIXED_LINE_OR_MOBILE") return null;
  return numero.number;
}

/** "+591 71234567" for people; E.164 stays what is stored and sent. */
export function mostrarTelefono(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** A form or JSON field: empty means "no number"; anything else must be a valid mobile. */
export const telefonoMovilSchema = z
  .string({ error: "Debe ser texto" })
  .max(30, "Como máximo 30 caracteres")
  .transform((texto, ctx) => {
    if (!texto.trim()) return null;
    const e164 = normalizarMovil(texto);
    if (!e164) {
      ctx.addIssue({ code: "custom", message: "Escriba un celular válido, por ejemplo +591 71234567" });
      return z.NEVER;
    }
    return e164;
  })
  .nullable();
