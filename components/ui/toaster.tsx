"use client";
// One toast region for the whole app (sonner renders it as an aria-live section).
import { Toaster as Sonner } from "sonner";

export function Toaster() {
  return <Sonner position="top-right" richColors closeButton duration={6000} toastOptions={{ closeButtonAriaLabel: "Cerrar aviso" }} containerAriaLabel="Avisos" />;
}

export { toast } from "sonner";
