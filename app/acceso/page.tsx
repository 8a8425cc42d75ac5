import Link from "next/link";
import type { Metadata } from "next";
import { FormularioPedidoEnlace } from "@/components/auth/FormularioPedidoEnlace";
import { PaginaCuenta } from "@/components/auth/PaginaCuenta";
import { pedirEnlaceAccion } from "../recuperar/actions";

export const metadata: Metadata = { title: "Recibir un enlace de acceso" };

export default function AccesoPage() {
  return (
    <PaginaCuenta titulo="Recibir un enlace de acceso" subtitulo="Ingrese sin contraseña: le enviamos a su correo un enlace que sirve una vez y vence en 15 minutos.">
      <FormularioPedidoEnlace accion={pedirEnlaceAccion.bind(null, "acceso")} boton="Enviar enlace" />
      <p className="mt-4 text-sm"><Link href="/login" className="inline-flex min-h-11 items-center text-blue-800 underline">Volver a iniciar sesión</Link></p>
    </PaginaCuenta>
  );
}
