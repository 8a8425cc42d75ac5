import Link from "next/link";
import type { Metadata } from "next";
import { FormularioPedidoEnlace } from "@/components/auth/FormularioPedidoEnlace";
import { PaginaCuenta } from "@/components/auth/PaginaCuenta";
import { pedirEnlaceAccion } from "./actions";

export const metadata: Metadata = { title: "Restablecer contraseña" };

export default function RecuperarPage() {
  return (
    <PaginaCuenta titulo="Restablecer contraseña" subtitulo="Le enviaremos un enlace para elegir una nueva contraseña. Sirve una vez y vence en 30 minutos.">
      <FormularioPedidoEnlace accion={pedirEnlaceAccion.bind(null, "recuperacion")} boton="Enviar enlace" />
      <p className="mt-4 text-sm"><Link href="/login" className="inline-flex min-h-11 items-center text-blue-800 underline">Volver a iniciar sesión</Link></p>
    </PaginaCuenta>
  );
}
