"use client";
// Choosing a password (invitation, recovery, profile): the rules beside the field, the server's
// Spanish reason when it refuses one, a second field to catch typos.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export type EstadoFormulario = { error?: string; campo?: string; ok?: string } | null;

export function FormularioNuevaContrasena({ accion, ayuda, conActual = false, boton }: { accion: (previo: EstadoFormulario, datos: FormData) => Promise<EstadoFormulario>; ayuda: string; conActual?: boolean; boton: string }) {
  const [estado, enviar, pendiente] = useActionState(accion, null);
  const errorDe = (campo: string) => (estado?.campo === campo ? estado.error : undefined);
  const general = estado?.error && !["actual", "password", "confirmacion"].includes(estado.campo ?? "") ? estado.error : undefined;
  return (
    <form action={enviar} className="space-y-4" noValidate>
      {conActual && (
        <Field id="actual" label="Contraseña actual" error={errorDe("actual")}>
          {(p) => <Input {...p} name="actual" type="password" autoComplete="current-password" required />}
        </Field>
      )}
      <Field id="password" label={conActual ? "Nueva contraseña" : "Contraseña"} hint={ayuda} error={errorDe("password")}>
        {(p) => <Input {...p} name="password" type="password" autoComplete="new-password" required minLength={10} />}
      </Field>
      <Field id="confirmacion" label="Repita la contraseña" error={errorDe("confirmacion")}>
        {(p) => <Input {...p} name="confirmacion" type="password" autoComplete="new-password" required />}
      </Field>
      {general && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{general}</p>}
      {estado?.ok && <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">{estado.ok}</p>}
      <Button type="submit" cargando={pendiente} textoCargando="Guardando…" className="w-full">{boton}</Button>
    </form>
  );
}
