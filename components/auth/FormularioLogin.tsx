"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

export function FormularioLogin({ destino, email }: { destino: string; email?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [enviando, setEnviando] = useState(false);

  async function enviar(formData: FormData) {
    setEnviando(true);
    setError(null);
    const resultado = await signIn("credentials", {
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
      redirect: false,
    });
    if (resultado?.ok) {
      // A full navigation: the proxy sends each role to its own home.
      window.location.assign(destino);
      return;
    }
    setEnviando(false);
    setError(
      resultado?.status === 401
        ? "Correo o contraseña incorrectos."
        : resultado?.status === 429
          ? "Demasiados intentos fallidos. Por seguridad, espere unos minutos e intente nuevamente."
          : "No se pudo iniciar sesión. Intente nuevamente.",
    );
  }

  return (
    <form action={enviar} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium">Correo electrónico</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus defaultValue={email}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">Contraseña</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </div>
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      <button type="submit" disabled={enviando}
        className="w-full rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60">
        {enviando ? "Ingresando…" : "Ingresar"}
      </button>
    </form>
  );
}
