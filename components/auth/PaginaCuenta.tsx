// The frame of the pages reached without a session (sign-in, one-time links): one centred card.
import Link from "next/link";
import type { ReactNode } from "react";

export function PaginaCuenta({ titulo, subtitulo, children }: { titulo: string; subtitulo?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
        <h1 className="text-2xl font-semibold">{titulo}</h1>
        {subtitulo && <p className="mt-1 text-sm text-slate-700">{subtitulo}</p>}
        <div className="mt-6">{children}</div>
      </div>
    </main>
  );
}

/** A link that no longer works (used, expired): what happened and what to do. */
export function EnlaceRechazado({ titulo, detalle, accion }: { titulo: string; detalle: string; accion: { href: string; texto: string } }) {
  return (
    <PaginaCuenta titulo={titulo}>
      <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{detalle}</p>
      <Link href={accion.href} className="mt-4 inline-flex min-h-11 items-center font-medium text-blue-800 underline">{accion.texto}</Link>
    </PaginaCuenta>
  );
}
