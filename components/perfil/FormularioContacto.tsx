"use client";
// The SMS contact of a client: mobile number and the choice to receive SMS notices.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import type { ResultadoAccion } from "@/lib/http/accion";

type Guardar = (formData: FormData) => Promise<ResultadoAccion<{ telefono: string | null; sms_activo: boolean }>>;

export function FormularioContacto({ telefono, smsActivo, guardar, personal = false }: { telefono: string | null; smsActivo: boolean; guardar: Guardar; personal?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [pendiente, iniciar] = useTransition();

  function enviar(evento: React.FormEvent<HTMLFormElement>) {
    evento.preventDefault();
    const datos = new FormData(evento.currentTarget);
    setError(undefined);
    iniciar(async () => {
      const r = await guardar(datos);
      if (!r.ok) {
        setError(r.campos.telefono ?? r.detail);
        document.getElementById("telefono")?.focus();
        return;
      }
      toast.success("Datos de contacto guardados", { description: r.datos.telefono ? `Celular ${r.datos.telefono}${r.datos.sms_activo ? ", con avisos por SMS" : ", sin avisos por SMS"}` : "Sin celular registrado" });
      router.refresh();
    });
  }

  return (
    <form onSubmit={enviar} noValidate className="space-y-3">
      <Field id="telefono" label="Celular" error={error} hint={personal ? "Con código de país; sin él se asume Bolivia (+591)." : "Para avisarle por SMS. Con código de país; sin él se asume Bolivia (+591)."}>
        {(p) => <Input {...p} name="telefono" type="tel" inputMode="tel" autoComplete="tel" defaultValue={telefono ?? ""} placeholder="+591 71234567" />}
      </Field>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="sms_activo" defaultChecked={smsActivo} className="size-5" />
        {personal ? "El cliente acepta avisos por SMS" : "Quiero recibir avisos por SMS (cambios de fecha y lugares de la lista de espera)"}
      </label>
      <Button type="submit" cargando={pendiente} textoCargando="Guardando…">Guardar</Button>
    </form>
  );
}
