import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FormularioLogin } from "@/components/auth/FormularioLogin";
import { PaginaCuenta } from "@/components/auth/PaginaCuenta";
import { INICIO_POR_ROL } from "@/lib/auth/roles";
import { actorActual } from "@/lib/auth/sesion";

export const metadata: Metadata = { title: "Iniciar sesión" };

const AVISOS: Record<string, string> = {
  contrasena: "Contraseña guardada. Inicie sesión con ella; sus sesiones anteriores se cerraron.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; aviso?: string; email?: string }> }) {
  const { callbackUrl, aviso, email } = await searchParams;
  // A cookie whose session was ended on the server is no session, and a manage-link session (one
  // reservation) may sign in fully: both see the form.
  const actor = await actorActual();
  if (actor && actor.reservaId == null) redirect(INICIO_POR_ROL[actor.rol]);
  // Only same-site paths: never bounce a user to another origin after login ("//x" and "/\\x" are hosts).
  const destino = callbackUrl && /^\/(?![/\\])/.test(callbackUrl) ? callbackUrl : "/";
  return (
    <PaginaCuenta titulo="Iniciar sesión" subtitulo="Reprogramación de reservas de su agencia de viajes.">
      {aviso && AVISOS[aviso] && <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">{AVISOS[aviso]}</p>}
      <FormularioLogin destino={destino} email={email?.slice(0, 254)} />
      <div className="mt-4 flex flex-col gap-1 text-sm">
        <Link href="/recuperar" className="inline-flex min-h-11 items-center text-blue-800 underline">¿Olvidó su contraseña?</Link>
        <Link href="/acceso" className="inline-flex min-h-11 items-center text-blue-800 underline">Recibir un enlace de acceso</Link>
      </div>
    </PaginaCuenta>
  );
}
