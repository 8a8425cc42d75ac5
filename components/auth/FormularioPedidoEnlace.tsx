"use client";
// Asking for a recovery or sign-in link by email: the same answer whatever the address.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { EstadoFormulario } from "./FormularioNuevaContrasena";

export function FormularioPedidoEnlace({ accion, boton }: { accion: (previo: EstadoFormulario, datos: FormData) => Promise<EstadoFormulario>; boton: string }) {
  const [estado, enviar, pendiente] = useActionState(accion, null);
  return (
    <form action={enviar} className="space-y-4" noValidate>
      <Field id="email" label="Correo electrónico" error={estado?.campo === "email" ? estado.error : undefined}>
        {(p) => <Input {...p} name="email" type="email" autoComplete="username" required autoFocus />}
      </Field>
      {estado?.error && estado.campo !== "email" && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{estado.error}</p>}
      {estado?.ok && <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">{estado.ok}</p>}
      <Button type="submit" cargando={pendiente} textoCargando="Enviando…" className="w-full">{boton}</Button>
    </form>
  );
}
