// "¿Olvidó su contraseña?" and "Recibir un enlace de acceso": an email box and the same answer for any address.
import Link from "next/link";
import { pedirEnlaceAccion } from "@/app/recuperar/actions";
import { FormularioPedidoEnlace } from "./FormularioPedidoEnlace";
import { PaginaCuenta } from "./PaginaCuenta";

const TEXTOS = {
  recuperacion: { titulo: "Restablecer contraseña", subtitulo: "Le enviaremos un enlace para elegir una nueva contraseña. Sirve una vez y vence en 30 minutos." },
  acceso: { titulo: "Recibir un enlace de acceso", subtitulo: "Ingrese sin contraseña: le enviamos a su correo un enlace que sirve una vez y vence en 15 minutos." },
} as const;

export function PaginaPedidoEnlace({ variante }: { variante: keyof typeof TEXTOS }) {
  return (
    <PaginaCuenta titulo={TEXTOS[variante].titulo} subtitulo={TEXTOS[variante].subtitulo}>
      <FormularioPedidoEnlace accion={pedirEnlaceAccion.bind(null, variante)} boton="Enviar enlace" />
      <p className="mt-4 text-sm"><Link href="/login" className="inline-flex min-h-11 items-center text-blue-800 underline">Volver a iniciar sesión</Link></p>
    </PaginaCuenta>
  );
}
