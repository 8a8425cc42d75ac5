import Link from "next/link";
import { BotonSalir } from "@/components/auth/BotonSalir";
import { INICIO_POR_ROL } from "@/lib/auth/roles";
import { actorActual } from "@/lib/auth/sesion";
import { redirect } from "next/navigation";

const NOMBRE_ROL = { CLIENTE: "Cliente", OPERADOR: "Operador", ADMIN: "Administrador" } as const;

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await actorActual();
  if (!actor) redirect("/login");
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <Link href={INICIO_POR_ROL[actor.rol]} className="font-semibold text-blue-800">Reprogramaciones</Link>
          <div className="flex items-center gap-3 text-sm">
            <span data-testid="usuario-actual">
              {actor.nombre} {actor.apellido} · <span className="text-slate-600">{NOMBRE_ROL[actor.rol]}</span>
            </span>
            <BotonSalir />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
