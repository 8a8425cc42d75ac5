// From a form's FormData to the account lib and back to what the form shows: the server's reason
// next to the field it concerns. Shared by the invitation, recovery and profile forms.
import type { EstadoFormulario } from "@/components/auth/FormularioNuevaContrasena";
import type { ResultadoAccion } from "@/lib/http/accion";

export const valor = (datos: FormData, campo: string) => String(datos.get(campo) ?? "");

/** The two password fields must match before the server judges the password. */
export function confirmacionDistinta(datos: FormData, campo = "password"): EstadoFormulario {
  return valor(datos, campo) !== valor(datos, "confirmacion") ? { error: "Las dos contraseñas no coinciden.", campo: "confirmacion" } : null;
}

export function estadoDeError<T>(r: ResultadoAccion<T>, renombres: Record<string, string> = {}): EstadoFormulario {
  if (r.ok) return null;
  const [campo, mensaje] = Object.entries(r.campos)[0] ?? [];
  return { error: mensaje ?? r.detail, campo: campo ? (renombres[campo] ?? campo) : undefined };
}
