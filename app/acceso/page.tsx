import type { Metadata } from "next";
import { PaginaPedidoEnlace } from "@/components/auth/PaginaPedidoEnlace";

export const metadata: Metadata = { title: "Recibir un enlace de acceso" };

export default function AccesoPage() {
  return <PaginaPedidoEnlace variante="acceso" />;
}
