// People of the agency: search by name or email, filter by role and state, pages from the server.
import Link from "next/link";
import { NOMBRE_ROL } from "@/lib/auth/roles";
import { ButtonLink, clasesBoton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { listarUsuarios } from "@/lib/usuarios/gestion";
import { Input, Select } from "@/components/ui/input";

export const dynamic = "force-dynamic";
export const metadata = { title: "Usuarios" };

type Parametros = { q?: string; rol?: string; activo?: string; pagina?: string };

export default async function UsuariosPage({ searchParams }: { searchParams: Promise<Parametros> }) {
  await actorDePagina(["ADMIN"], "/admin/usuarios");
  const p = await searchParams;
  // Empty form fields mean "any"; a hand-edited bad value falls back to the first page unfiltered.
  const consulta = Object.fromEntries(Object.entries({ q: p.q, rol: p.rol, activo: p.activo, pagina: p.pagina }).filter(([, v]) => typeof v === "string" && v !== ""));
  const resultado = await listarUsuarios(prisma, consulta).catch((e) => {
    if (e instanceof ErrorDominio) return listarUsuarios(prisma, {});
    throw e;
  });
  const paginas = Math.max(1, Math.ceil(resultado.total / resultado.por_pagina));
  const enlacePagina = (n: number) => `/admin/usuarios?${new URLSearchParams({ ...consulta, pagina: String(n) })}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Usuarios</h1>
        <ButtonLink href="/admin/usuarios/nuevo">Nuevo usuario</ButtonLink>
      </div>
      <Card aria-label="Filtros">
        <form className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" role="search">
          <div>
            <label htmlFor="q" className="block text-sm font-medium">Buscar</label>
            <Input id="q" name="q" type="search" defaultValue={p.q} placeholder="Nombre, apellido o correo" className="mt-1" />
          </div>
          <div>
            <label htmlFor="rol" className="block text-sm font-medium">Rol</label>
            <Select id="rol" name="rol" defaultValue={p.rol ?? ""} className="mt-1">
              <option value="">Todos</option>
              {Object.entries(NOMBRE_ROL).map(([v, t]) => <option key={v} value={v}>{t}</option>)}
            </Select>
          </div>
          <div>
            <label htmlFor="activo" className="block text-sm font-medium">Estado</label>
            <Select id="activo" name="activo" defaultValue={p.activo ?? ""} className="mt-1">
              <option value="">Todos</option>
              <option value="true">Activos</option>
              <option value="false">Desactivados</option>
            </Select>
          </div>
          <button type="submit" className={clasesBoton("secundario")}>Filtrar</button>
        </form>
      </Card>
      <p className="text-sm text-slate-700" role="status">{resultado.total === 1 ? "1 persona" : `${resultado.total} personas`}</p>
      {resultado.usuarios.length === 0 ? (
        <Card><p className="text-sm text-slate-700">Nadie coincide con la búsqueda. Pruebe con menos palabras o quite un filtro.</p></Card>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg bg-white ring-1 ring-slate-200">
          {resultado.usuarios.map((u) => (
            <li key={u.id} data-testid={`usuario-${u.id}`}>
              <Link href={`/admin/usuarios/${u.id}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:justify-between">
                <span>
                  <span className="font-medium text-blue-800">{u.apellido}, {u.nombre}</span>
                  <span className="block break-all text-sm text-slate-700">{u.email}</span>
                </span>
                <span className="flex flex-wrap gap-2 text-sm">
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-slate-800">{NOMBRE_ROL[u.rol]}</span>
                  {!u.activo && <span className="rounded bg-red-50 px-2 py-0.5 text-red-800">Desactivado</span>}
                  {u.activo && u.rol !== "CLIENTE" && !u.tiene_contrasena && <span className="rounded bg-amber-50 px-2 py-0.5 text-amber-900">Invitación pendiente</span>}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {paginas > 1 && (
        <nav aria-label="Páginas" className="flex items-center justify-between gap-2 text-sm">
          {resultado.pagina > 1 ? <Link className={clasesBoton("secundario")} href={enlacePagina(resultado.pagina - 1)}>Anterior</Link> : <span />}
          <span>Página {resultado.pagina} de {paginas}</span>
          {resultado.pagina < paginas ? <Link className={clasesBoton("secundario")} href={enlacePagina(resultado.pagina + 1)}>Siguiente</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
