import type { Metadata } from "next";
import { FormularioLogin } from "@/components/auth/FormularioLogin";

export const metadata: Metadata = { title: "Iniciar sesión" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths: never bounce a user to another origin after login ("//x" and "/\\x" are hosts).
  const destino = callbackUrl && /^\/(?![/\\])/.test(callbackUrl) ? callbackUrl : "/";
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-2xl font-semibold">Iniciar sesión</h1>
        <p className="mt-1 text-sm text-slate-600">Reprogramación de reservas de su agencia de viajes.</p>
        <FormularioLogin destino={destino} />
      </div>
    </main>
  );
}
