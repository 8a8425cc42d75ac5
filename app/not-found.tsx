import Link from "next/link";
import type { Metadata } from "next";
import { PaginaCuenta } from "@/components/auth/PaginaCuenta";

export const metadata: Metadata = { title: "No encontrado" };

// Unknown pages and unknown or tampered links from emails land here, with a 404.
export default function NoEncontrado() {
  return (
    <PaginaCuenta titulo="No encontramos esta página">
      <p className="text-sm text-slate-800">Si llegó desde un enlace de un correo, puede que esté incompleto (cópielo entero) o que la agencia lo haya revocado.</p>
      <Link href="/login" className="mt-4 inline-flex min-h-11 items-center font-medium text-blue-800 underline">Ir a iniciar sesión</Link>
    </PaginaCuenta>
  );
}
