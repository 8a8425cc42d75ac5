import { BotonSalir } from "@/components/auth/BotonSalir";
import { MenuPrincipal, type Enlace } from "@/components/navegacion/MenuPrincipal";
import { esStaff, INICIO_POR_ROL, NOMBRE_ROL } from "@/lib/auth/roles";
import { buzonVisible } from "@/lib/notificaciones/correo/buzon";
import { actorActual } from "@/lib/auth/sesion";
import { redirect } from "next/navigation";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await actorActual();
  if (!actor) redirect("/login");
  const enlaces: Enlace[] = [
    ...(esStaff(actor.rol) ? [{ href: "/soporte", texto: "Soporte" }, { href: "/soporte/lista-espera", texto: "Listas de espera" }] : []),
    ...(actor.rol === "ADMIN"
      ? [
          { href: "/admin/usuarios", texto: "Usuarios" },
          { href: "/admin/reglas", texto: "Reglas" },
          { href: "/admin/capacidad", texto: "Capacidad" },
          { href: "/admin/reprogramaciones", texto: "Masivas" },
          { href: "/admin/importar", texto: "Importar" },
          { href: "/admin/reembolsos", texto: "Reembolsos" },
          { href: "/admin/metricas", texto: "Métricas" },
        ]
      : []),
    ...(esStaff(actor.rol) && buzonVisible() ? [{ href: "/dev/correos", texto: "Correos (desarrollo)" }] : []),
    // A manage-link session reaches one reservation and nothing of the account.
    ...(actor.reservaId == null ? [{ href: "/perfil", texto: "Mi perfil" }] : []),
  ];
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <MenuPrincipal
          inicio={INICIO_POR_ROL[actor.rol]}
          enlaces={enlaces}
          usuario={
            <span data-testid="usuario-actual" className="flex flex-col leading-tight">
              <span className="truncate">{actor.nombre} {actor.apellido}</span>
              <span className="sr-only text-xs text-slate-600 sm:not-sr-only">
                <span className="sr-only">, </span>
                {NOMBRE_ROL[actor.rol]}
              </span>
            </span>
          }
          salir={<BotonSalir />}
        />
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
