import type { Metadata } from "next";
import { PaginaPedidoEnlace } from "@/components/auth/PaginaPedidoEnlace";

export const metadata: Metadata = { title: "Restablecer contraseña" };

export default function RecuperarPage() {
  return <PaginaPedidoEnlace variante="recuperacion" />;
}
