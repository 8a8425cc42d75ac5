"use client";
// Deactivate (after a confirmation), reactivate, and resend a pending invitation.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import type { ResultadoAccion } from "@/lib/http/accion";

export function AccionesUsuario({ nombre, activo, invitacionPendiente, cambiarEstado, reenviar }: {
  nombre: string;
  activo: boolean;
  invitacionPendiente: boolean;
  cambiarEstado: (activo: boolean) => Promise<ResultadoAccion<{ activo: boolean }>>;
  reenviar: () => Promise<ResultadoAccion<{ email: string }>>;
}) {
  const router = useRouter();
  const [confirmando, setConfirmando] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pendiente, iniciar] = useTransition();

  const aplicar = (nuevo: boolean) =>
    iniciar(async () => {
      setError(null);
      const r = await cambiarEstado(nuevo);
      setConfirmando(false);
      if (!r.ok) return setError(r.detail);
      toast.success(nuevo ? `${nombre} puede volver a ingresar` : `${nombre} fue desactivado`, { description: nuevo ? undefined : "Sus sesiones se cerraron y no recibirá correos ni SMS." });
      router.refresh();
    });

  const reenviarInvitacion = () =>
    iniciar(async () => {
      setError(null);
      const r = await reenviar();
      if (!r.ok) return setError(r.detail);
      toast.success("Invitación reenviada", { description: `A ${r.datos.email}. El enlace anterior ya no funciona.` });
      router.refresh();
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {activo ? (
          <Button variante="peligro" onClick={() => setConfirmando(true)} disabled={pendiente}>Desactivar</Button>
        ) : (
          <Button onClick={() => aplicar(true)} cargando={pendiente} textoCargando="Reactivando…">Reactivar</Button>
        )}
        {invitacionPendiente && activo && <Button variante="secundario" onClick={reenviarInvitacion} cargando={pendiente} textoCargando="Enviando…">Reenviar invitación</Button>}
      </div>
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      <Dialog
        open={confirmando}
        onOpenChange={setConfirmando}
        title={`¿Desactivar a ${nombre}?`}
        description="Sus sesiones se cierran en segundos, no podrá ingresar y no recibirá correos ni SMS. Puede reactivarlo después."
        footer={
          <>
            <DialogClose asChild><Button variante="secundario">Cancelar</Button></DialogClose>
            <Button variante="peligro" onClick={() => aplicar(false)} cargando={pendiente} textoCargando="Desactivando…">Sí, desactivar</Button>
          </>
        }
      />
    </div>
  );
}
