import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-semibold">Acceso denegado</h1>
      <p className="mt-2 text-slate-700">Su cuenta no tiene permiso para ver esta página.</p>
      <Link href="/" className="mt-4 inline-block text-blue-700 underline">Ir a mi inicio</Link>
    </main>
  );
}
