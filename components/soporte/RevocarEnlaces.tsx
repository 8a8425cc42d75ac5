"use client";
// Support takes back the client's "Gestionar mi reserva" links, after a confirmation.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import type { ResultadoAccion } from "@/lib/http/accion";

export function RevocarEnlaces({ vigentes, revocar }: { vigentes: number; revocar: () => Promise<ResultadoAccion<{ enlaces_revocados: number }>> }) {
  const router = useRouter();
  const [abierto, setAbierto] = useState(false);
  const [pendiente, iniciar] = useTransition();
  const confirmar = () =>
    iniciar(async () => {
      const r = await revocar();
      setAbierto(false);
      if (!r.ok) return void toast.error("No se pudieron revocar los enlaces", { description: r.detail });
      toast.success(r.datos.enlaces_revocados === 1 ? "1 enlace revocado" : `${r.datos.enlaces_revocados} enlaces revocados`, { description: "El próximo correo sobre la reserva traerá uno nuevo." });
      router.refresh();
    });
  return (
    <div className="mt-3 flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-3 text-sm">
      <p data-testid="enlaces-gestion">Enlaces «Gestionar mi reserva» activos: {vigentes}</p>
      {vigentes > 0 && <Button variante="secundario" onClick={() => setAbierto(true)}>Revocar enlaces</Button>}
      <Dialog
        open={abierto}
        onOpenChange={setAbierto}
        title="¿Revocar los enlaces de esta reserva?"
        description="Los enlaces de los correos y SMS enviados dejan de funcionar y se cierran las sesiones abiertas con ellos. El cliente puede seguir entrando con su correo."
        footer={
          <>
            <DialogClose asChild><Button variante="secundario">Cancelar</Button></DialogClose>
            <Button variante="peligro" onClick={confirmar} cargando={pendiente} textoCargando="Revocando…">Sí, revocar</Button>
          </>
        }
      />
    </div>
  );
}
