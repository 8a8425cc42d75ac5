"use client";
// The main navigation. From 1024 px (a tablet held sideways) up, one bar; on a phone, the brand, the signed-in person and
// a "Menú" disclosure button (aria-expanded / aria-controls) that opens the links and sign-out below
// the bar. Escape closes it and returns focus to the button; following a link closes it.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

export interface Enlace {
  href: string;
  texto: string;
}

export function MenuPrincipal({ inicio, enlaces, usuario, salir }: { inicio: string; enlaces: Enlace[]; usuario: ReactNode; salir: ReactNode }) {
  const [abierto, setAbierto] = useState(false);
  const boton = useRef<HTMLButtonElement>(null);
  const idPanel = useId();
  const ruta = usePathname();

  useEffect(() => {
    if (!abierto) return;
    const alTeclear = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setAbierto(false);
      boton.current?.focus();
    };
    document.addEventListener("keydown", alTeclear);
    return () => document.removeEventListener("keydown", alTeclear);
  }, [abierto]);

  const actual = (href: string) => ruta === href || ruta.startsWith(`${href}/`);
  return (
    <div className="mx-auto max-w-6xl px-4">
      <div className="flex items-center justify-between gap-3 py-3">
        <nav aria-label="Principal" className="flex min-w-0 items-center gap-4 text-sm">
          <Link href={inicio} className="shrink-0 text-base font-semibold text-blue-800">Reprogramaciones</Link>
          <ul className="hidden flex-wrap items-center gap-x-4 gap-y-1 lg:flex">
            {enlaces.map((e) => (
              <li key={e.href}>
                <Link href={e.href} aria-current={actual(e.href) ? "page" : undefined} className="text-slate-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-slate-950">{e.texto}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex min-w-0 items-center gap-3 text-sm lg:shrink-0">
          <span className="truncate lg:whitespace-nowrap">{usuario}</span>
          <span className="hidden lg:inline">{salir}</span>
          <button
            ref={boton}
            type="button"
            aria-expanded={abierto}
            aria-controls={idPanel}
            onClick={() => setAbierto((a) => !a)}
            className="inline-flex shrink-0 items-center gap-1.5 rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 lg:hidden"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
              {abierto ? <path d="M5.3 4.3 10 9l4.7-4.7 1 1L11 10l4.7 4.7-1 1L10 11l-4.7 4.7-1-1L9 10 4.3 5.3z" /> : <path d="M3 5h14v1.5H3zm0 4.25h14v1.5H3zM3 13.5h14V15H3z" />}
            </svg>
            Menú
          </button>
        </div>
      </div>
      <div id={idPanel} hidden={!abierto} className="border-t border-slate-200 pb-3 lg:hidden">
        <nav aria-label="Secciones">
          <ul className="flex flex-col py-2 text-base">
            {enlaces.map((e) => (
              <li key={e.href}>
                <Link href={e.href} onClick={() => setAbierto(false)} aria-current={actual(e.href) ? "page" : undefined} className="block rounded-md px-2 py-2.5 text-slate-800 hover:bg-slate-100 aria-[current=page]:font-semibold aria-[current=page]:text-blue-900">{e.texto}</Link>
              </li>
            ))}
          </ul>
        </nav>
        {salir}
      </div>
    </div>
  );
}
