"use client";
// Refunds owed by cancellations: each with its reservation, client, amount and state; "Marcar como
// pagado" asks for confirmation first and then shows who and when.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { formatearMonto } from "@/lib/formato/dinero";
import { formatearFechaCorta } from "@/lib/formato/fecha";
import type { ResultadoAccion } from "@/lib/http/accion";
import type { ReembolsoVisible } from "@/lib/reembolsos/gestion";

export function ListaReembolsos({ reembolsos, zona, marcar }: { reembolsos: ReembolsoVisible[]; zona: string; marcar: (id: number) => Promise<ResultadoAccion<unknown>> }) {
  const router = useRouter();
  const [elegido, setElegido] = useState<ReembolsoVisible | null>(null);
  const [trabajando, iniciar] = useTransition();
  function confirmar() {
    if (!elegido) return;
    iniciar(async () => {
      const r = await marcar(elegido.id);
      setElegido(null);
      if (r.ok) toast.success(`Reembolso de la reserva #${elegido.reserva_id} marcado como pagado`);
      else toast.error("No se pudo marcar", { description: r.detail });
      router.refresh();
    });
  }
  if (reembolsos.length === 0) return <p className="text-sm text-slate-700">No hay reembolsos con este filtro.</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100" data-testid="reembolsos">
        {reembolsos.map((r) => (
          <li key={r.id} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm" data-reembolso={r.id}>
            <div className="min-w-0 space-y-0.5">
              <p className="font-medium">
                <Link href={`/soporte/reservas/${r.reserva_id}`} className="text-blue-800 underline underline-offset-2">Reserva #{r.reserva_id}</Link> · {r.destino}
              </p>
              <p className="break-words text-slate-700">{r.cliente.nombre} ({r.cliente.email})</p>
              <p className="text-slate-700">Cancelada el {formatearFechaCorta(r.cancelada_at, zona)} · {r.motivo}</p>
              {r.pagado_at && <p className="text-slate-700">Pagado el {formatearFechaCorta(r.pagado_at, zona)} por {r.pagado_por}</p>}
            </div>
            <div className="flex flex-col items-end gap-2">
              <p className="text-base font-semibold">{formatearMonto(r.monto, r.moneda)} <span className="text-sm font-normal text-slate-600">({r.porcentaje} %)</span></p>
              {r.estado === "PAGADO" ? <Badge tono="exito">Pagado</Badge> : <Button variante="secundario" onClick={() => setElegido(r)}>Marcar como pagado</Button>}
            </div>
          </li>
        ))}
      </ul>
      <Dialog
        open={elegido !== null}
        onOpenChange={(o) => !o && setElegido(null)}
        title="¿Marcar como pagado?"
        description={elegido ? `Reembolso de ${formatearMonto(elegido.monto, elegido.moneda)} a ${elegido.cliente.nombre} por la reserva #${elegido.reserva_id}. Queda registrado quién lo marcó y cuándo.` : undefined}
        footer={
          <>
            <Button variante="secundario" onClick={() => setElegido(null)} disabled={trabajando}>Volver</Button>
            <Button onClick={confirmar} cargando={trabajando} textoCargando="Guardando…">Sí, está pagado</Button>
          </>
        }
      />
    </>
  );
}
