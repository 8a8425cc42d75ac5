"use client";
// Creating or editing a person: name, email (on creation), role, department for staff, mobile.
import { useActionState, useState } from "react";
import type { EstadoFormulario } from "@/components/auth/FormularioNuevaContrasena";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

import { NOMBRE_ROL, type Rol } from "@/lib/auth/roles";

interface Valores {
  nombre: string;
  apellido: string;
  email?: string;
  rol: Rol;
  departamento: string | null;
  telefono: string | null;
}

export function FormularioUsuario({ accion, valores, boton }: { accion: (previo: EstadoFormulario, datos: FormData) => Promise<EstadoFormulario>; valores?: Valores; boton: string }) {
  const [estado, enviar, pendiente] = useActionState(accion, null);
  const [rol, setRol] = useState<Rol>(valores?.rol ?? "OPERADOR");
  const errorDe = (campo: string) => (estado?.campo === campo ? estado.error : undefined);
  const creando = !valores;
  return (
    <form action={enviar} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="nombre" label="Nombre" error={errorDe("nombre")}>
          {(p) => <Input {...p} name="nombre" autoComplete="off" required defaultValue={valores?.nombre} />}
        </Field>
        <Field id="apellido" label="Apellido" error={errorDe("apellido")}>
          {(p) => <Input {...p} name="apellido" autoComplete="off" required defaultValue={valores?.apellido} />}
        </Field>
      </div>
      {creando && (
        <Field id="email" label="Correo electrónico" hint="A este correo llega la invitación (personal) o la bienvenida (clientes)." error={errorDe("email")}>
          {(p) => <Input {...p} name="email" type="email" autoComplete="off" required />}
        </Field>
      )}
      <Field id="rol" label="Rol" error={errorDe("rol")}>
        {(p) => (
          <Select {...p} name="rol" value={rol} onChange={(e) => setRol(e.target.value as Rol)}>
            {(Object.keys(NOMBRE_ROL) as Rol[]).map((r) => <option key={r} value={r}>{NOMBRE_ROL[r]}</option>)}
          </Select>
        )}
      </Field>
      {rol !== "CLIENTE" && (
        <Field id="departamento" label="Departamento" hint="Opcional, por ejemplo Atención al cliente." error={errorDe("departamento")}>
          {(p) => <Input {...p} name="departamento" autoComplete="off" defaultValue={valores?.departamento ?? ""} />}
        </Field>
      )}
      <Field id="telefono" label="Celular" hint="Opcional. Con código de país; sin él se asume Bolivia (+591)." error={errorDe("telefono")}>
        {(p) => <Input {...p} name="telefono" type="tel" inputMode="tel" autoComplete="off" defaultValue={valores?.telefono ?? ""} placeholder="+591 71234567" />}
      </Field>
      {estado?.error && !["nombre", "apellido", "email", "rol", "departamento", "telefono"].includes(estado.campo ?? "") && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{estado.error}</p>
      )}
      {estado?.ok && <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">{estado.ok}</p>}
      <Button type="submit" cargando={pendiente} textoCargando="Guardando…">{boton}</Button>
    </form>
  );
}
