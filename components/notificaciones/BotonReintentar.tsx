"use client";
// Manual retry of a dead-lettered delivery, with an inline confirmation (it sends a real email).
import { useRouter } from "next/navigation";
import { useState } from "react";

export function BotonReintentar({ entregaId, destinatario }: { entregaId: number; destinatario: string }) {
  const router = useRouter();
  const [confirmando, setConfirmando] = useState(false);
  const [estado, setEstado] = useState<"listo" | "enviando" | "error">("listo");

  async function reintentar() {
    setEstado("enviando");
    const r = await fetch(`/api/admin/entregas/${entregaId}/reintentar/`, { method: "POST" });
    if (!r.ok) return setEstado("error");
    setConfirmando(false);
    setEstado("listo");
    router.refresh();
  }

  if (!confirmando) {
    return (
      <button type="button" onClick={() => setConfirmando(true)} className="rounded px-2 py-1 text-blue-800 ring-1 ring-slate-300">
        Reintentar
      </button>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-2" role="group" aria-label={`Confirmar reintento a ${destinatario}`}>
      <span>¿Reintentar el envío a {destinatario}?</span>
      <button type="button" autoFocus onClick={() => void reintentar()} disabled={estado === "enviando"} className="rounded bg-blue-800 px-2 py-1 text-white">
        {estado === "enviando" ? "Reintentando…" : "Sí, reintentar"}
      </button>
      <button type="button" onClick={() => setConfirmando(false)} className="rounded px-2 py-1 ring-1 ring-slate-300">
        Cancelar
      </button>
      {estado === "error" && <span role="alert" className="text-red-700">No se pudo reintentar.</span>}
    </span>
  );
}
