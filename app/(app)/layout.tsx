import Link from "next/link";
import { BotonSalir } from "@/components/auth/BotonSalir";
import { esStaff, INICIO_POR_ROL } from "@/lib/auth/roles";
import { buzonVisible } from "@/lib/notificaciones/correo/buzon";
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
          <nav aria-label="Principal" className="flex flex-wrap items-center gap-4 text-sm">
            <Link href={INICIO_POR_ROL[actor.rol]} className="text-base font-semibold text-blue-800">Reprogramaciones</Link>
            {esStaff(actor.rol) && <Link href="/soporte" className="text-slate-700 hover:underline">Soporte</Link>}
            {esStaff(actor.rol) && <Link href="/soporte/lista-espera" className="text-slate-700 hover:underline">Listas de espera</Link>}
            {actor.rol === "CLIENTE" && <Link href="/perfil" className="text-slate-700 hover:underline">Mi perfil</Link>}
            {actor.rol === "ADMIN" && <Link href="/admin/reglas" className="text-slate-700 hover:underline">Reglas</Link>}
            {actor.rol === "ADMIN" && <Link href="/admin/capacidad" className="text-slate-700 hover:underline">Capacidad</Link>}
            {actor.rol === "ADMIN" && <Link href="/admin/reprogramaciones" className="text-slate-700 hover:underline">Masivas</Link>}
            {actor.rol === "ADMIN" && <Link href="/admin/metricas" className="text-slate-700 hover:underline">Métricas</Link>}
            {esStaff(actor.rol) && buzonVisible() && <Link href="/dev/correos" className="text-slate-700 hover:underline">Correos (desarrollo)</Link>}
          </nav>
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
