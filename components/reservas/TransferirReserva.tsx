"use client";
// "Transferir a otra persona": the fee and the deadline the agency's policy sets, the new holder's
// details and the reason, then a confirmation that says what changes (the client stops seeing the
// reservation). Absent, with the reason, when the policy does not allow it now.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { formatearMonto } from "@/lib/formato/dinero";
import { formatearFechaCorta } from "@/lib/formato/fecha";
import type { ResultadoAccion } from "@/lib/http/accion";
import type { EvaluacionTransferencia } from "@/lib/politicas/politicas";

const CAMPOS = ["nombre", "apellido", "email", "celular", "motivo"] as const;

export function TransferirReserva({ reservaId, condiciones, moneda, zona, esCliente, transferir }: {
  reservaId: number;
  condiciones: EvaluacionTransferencia;
  moneda: string;
  zona: string;
  /** The client gives the reservation away: after it they go back to their list. */
  esCliente: boolean;
  transferir: (reservaId: string, cuerpo: unknown) => Promise<ResultadoAccion<unknown>>;
}) {
  const router = useRouter();
  const [valores, setValores] = useState<Record<(typeof CAMPOS)[number], string>>({ nombre: "", apellido: "", email: "", celular: "", motivo: "" });
  const [errores, setErrores] = useState<Record<string, string>>({});
  const [confirmando, setConfirmando] = useState(false);
  const [trabajando, iniciar] = useTransition();

  if (!condiciones.permitida) return <p className="text-sm text-slate-700" data-testid="sin-transferencia">{condiciones.razon}</p>;
  const costo = Number(condiciones.costo) > 0 ? formatearMonto(condiciones.costo, moneda) : null;
  const fijar = (campo: (typeof CAMPOS)[number]) => (e: { target: { value: string } }) => {
    setValores({ ...valores, [campo]: e.target.value });
    // A field's message goes away as soon as it is corrected.
    if (errores[campo]) setErrores((previos) => Object.fromEntries(Object.entries(previos).filter(([k]) => k !== campo)));
  };

  function revisar(e: React.FormEvent) {
    e.preventDefault();
    const faltan = Object.fromEntries(CAMPOS.filter((c) => c !== "celular" && !valores[c].trim()).map((c) => [c, "Complete este dato"]));
    setErrores(faltan);
    const primero = CAMPOS.find((c) => faltan[c]);
    if (primero) return document.getElementById(`transferir-${primero}`)?.focus();
    setConfirmando(true);
  }

  function confirmar() {
    const cuerpo = { nombre: valores.nombre, apellido: valores.apellido, email: valores.email, motivo: valores.motivo, ...(valores.celular.trim() ? { celular: valores.celular } : {}) };
    iniciar(async () => {
      const r = await transferir(String(reservaId), cuerpo);
      setConfirmando(false);
      if (r.ok) {
        toast.success(`Reserva transferida a ${valores.nombre} ${valores.apellido}`, { description: "Les enviamos un correo a ambos." });
        if (esCliente) router.push("/reservas");
        else router.refresh();
        return;
      }
      setErrores(Object.keys(r.campos).length ? r.campos : { general: r.detail });
      const primero = CAMPOS.find((c) => r.campos[c]);
      if (primero) document.getElementById(`transferir-${primero}`)?.focus();
      else toast.error("No se pudo transferir", { description: r.detail });
    });
  }

  return (
    <form onSubmit={revisar} noValidate className="space-y-3">
      <p className="text-sm" data-testid="condiciones-transferencia">
        {costo ? <>Costo: <strong>{costo}</strong>, que se suma al total. </> : "Sin costo. "}
        Se acepta hasta el {formatearFechaCorta(condiciones.fecha_limite!, zona)} (hora de {zona}).
      </p>
      {errores.general && <p className="text-sm font-medium text-red-800" role="alert">{errores.general}</p>}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="transferir-nombre" label="Nombre de la nueva persona" error={errores.nombre}>{(p) => <Input {...p} autoComplete="off" value={valores.nombre} onChange={fijar("nombre")} />}</Field>
        <Field id="transferir-apellido" label="Apellido de la nueva persona" error={errores.apellido}>{(p) => <Input {...p} autoComplete="off" value={valores.apellido} onChange={fijar("apellido")} />}</Field>
        <Field id="transferir-email" label="Correo de la nueva persona" hint="Le llega el enlace para gestionar la reserva." error={errores.email}>{(p) => <Input {...p} type="email" autoComplete="off" value={valores.email} onChange={fijar("email")} />}</Field>
        <Field id="transferir-celular" label="Celular de la nueva persona (opcional)" error={errores.celular}>{(p) => <Input {...p} type="tel" autoComplete="off" value={valores.celular} onChange={fijar("celular")} />}</Field>
      </div>
      <Field id="transferir-motivo" label="Motivo de la transferencia" hint="Entre 10 y 1000 caracteres." error={errores.motivo}>{(p) => <Textarea {...p} rows={2} value={valores.motivo} onChange={fijar("motivo")} />}</Field>
      <Button type="submit" variante="secundario">Transferir a otra persona…</Button>
      <Dialog
        open={confirmando}
        onOpenChange={(o) => !trabajando && setConfirmando(o)}
        title="¿Transferir la reserva?"
        description={`Pasará a ${valores.nombre} ${valores.apellido} (${valores.email})${costo ? `, con un costo de ${costo}` : ""}.${esCliente ? " Usted dejará de verla en sus reservas." : " El titular actual dejará de verla."}`}
        footer={
          <>
            <Button variante="secundario" onClick={() => setConfirmando(false)} disabled={trabajando}>Volver</Button>
            <Button onClick={confirmar} cargando={trabajando} textoCargando="Transfiriendo…">Sí, transferir</Button>
          </>
        }
      />
    </form>
  );
}
