"use client";
// Re-reads the page (server data) without a full reload; while deliveries are under way it also
// does so every 2 s, so "retrying" turns into "sent" on its own.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { RefrescoAutomatico } from "@/components/ui/refresco-automatico";

export function BotonActualizar({ automatico }: { automatico: boolean }) {
  const router = useRouter();
  const [actualizando, iniciar] = useTransition();
  return (
    <>
      <RefrescoAutomatico activo={automatico} />
      <Button variante="secundario" cargando={actualizando} textoCargando="Actualizando…" onClick={() => iniciar(() => router.refresh())}>
        Actualizar
      </Button>
    </>
  );
}
