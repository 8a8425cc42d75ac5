"use client";
// Support's search box, for use while on the phone: focus on load, results as you type (the words
// go into the URL, so a search can be shared and the back button works), Enter opens the first result.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { ESTADOS } from "@/components/reservas/EstadoReserva";

export function BusquedaReservas({ zona }: { zona: string }) {
  const router = useRouter();
  const ruta = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [buscando, iniciar] = useTransition();
  const ultimo = useRef(params.get("q") ?? "");

  function ir(cambios: Record<string, string>, reemplazar = false) {
    const nuevos = new URLSearchParams(params);
    for (const [k, v] of Object.entries(cambios)) {
      if (v) nuevos.set(k, v);
      else nuevos.delete(k);
    }
    nuevos.delete("pagina");
    const url = `${ruta}?${nuevos}`;
    iniciar(() => (reemplazar ? router.replace(url, { scroll: false }) : router.push(url, { scroll: false })));
  }

  // Typing searches after a short pause; one history entry per search, not per keystroke.
  useEffect(() => {
    if (q.trim() === ultimo.current) return;
    const t = setTimeout(() => {
      ir({ q: q.trim() }, ultimo.current !== "");
      ultimo.current = q.trim();
    }, 300);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  // Enter opens the first result of what is typed: at once if those results are on screen, else
  // as soon as they arrive.
  const abrirAlLlegar = useRef(false);
  const abrir = () => document.querySelector<HTMLAnchorElement>("[data-resultado]")?.click();
  useEffect(() => {
    if (abrirAlLlegar.current && !buscando) {
      abrirAlLlegar.current = false;
      abrir();
    }
  }, [params, buscando]);

  function abrirPrimero(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key !== "Enter") return;
    e.preventDefault();
    const texto = q.trim();
    if (texto === (params.get("q") ?? "") && !buscando) return abrir();
    abrirAlLlegar.current = true;
    if (texto !== ultimo.current) {
      ultimo.current = texto;
      ir({ q: texto });
    }
  }

  return (
    <form role="search" aria-label="Buscar reservas" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr]" onSubmit={(e) => e.preventDefault()}>
      <Field id="buscar" label="Cliente, correo, destino o n.º de reserva" hint="Enter abre el primer resultado.">
        {(p) => (
          <Input {...p} type="search" autoFocus value={q} onChange={(e) => setQ(e.target.value)} onKeyDown={abrirPrimero} placeholder="p. ej. Juan, uyuni o 1024" aria-busy={buscando} />
        )}
      </Field>
      <Field id="estado" label="Estado">
        {(p) => (
          <Select {...p} value={params.get("estado") ?? ""} onChange={(e) => ir({ estado: e.target.value })}
           >
            <option value="">Todos</option>
            {Object.entries(ESTADOS).map(([valor, { texto }]) => <option key={valor} value={valor}>{texto}</option>)}
          </Select>
        )}
      </Field>
      <Field id="desde" label={`Desde (${zona})`}>
        {(p) => <Input {...p} type="date" value={params.get("desde") ?? ""} onChange={(e) => ir({ desde: e.target.value })} />}
      </Field>
      <Field id="hasta" label={`Hasta (${zona})`}>
        {(p) => <Input {...p} type="date" value={params.get("hasta") ?? ""} onChange={(e) => ir({ hasta: e.target.value })} />}
      </Field>
    </form>
  );
}
