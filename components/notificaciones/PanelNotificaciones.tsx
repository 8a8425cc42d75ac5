"use client";
// Support's live panel: the notification list (§2C) with its unread badge, updated the moment a
// reschedule commits, with read/unread marks and filters.
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { EventoEnVivo } from "@/lib/notificaciones/evento";
import type { ConfiguracionTiempoReal } from "@/lib/notificaciones/tiempo-real/configuracion";
import { suscribirseAReprogramaciones, type EstadoConexion } from "@/lib/notificaciones/tiempo-real/navegador";
import { formatearFechaCorta } from "@/lib/formato/fecha";
import { toast } from "@/components/ui/toaster";
import { Casilla, Input } from "@/components/ui/input";

type Item = Omit<EventoEnVivo, "type" | "cliente_nombre">;
export interface PaginaNotificaciones {
  notificaciones: Item[];
  total: number;
  no_leidas: number;
  pagina: number;
  paginas: number;
}

const API = "/api/notificaciones/reprogramaciones/";
const TEXTO_CONEXION: Record<EstadoConexion, string> = { conectando: "Conectando…", en_vivo: "En vivo", reconectando: "Reconectando…", desconectado: "Sin conexión en vivo" };
const TIPO: Record<string, string> = { CLIENTE: "Cliente", OPERADOR_ASISTIDO: "Operador", ADMINISTRATIVA: "Administrativa", MASIVA: "Masiva" };

export function PanelNotificaciones({ configuracion, inicial, zona }: { configuracion: ConfiguracionTiempoReal; inicial: PaginaNotificaciones; zona: string }) {
  const [pagina, setPagina] = useState(inicial);
  const [soloNoLeidas, setSoloNoLeidas] = useState(false);
  const [desde, setDesde] = useState("");
  const [hasta, setHasta] = useState("");
  const [conexion, setConexion] = useState<EstadoConexion>("conectando");
  const [error, setError] = useState<string | null>(null);
  const [cargando, setCargando] = useState(false);
  const filtros = useRef({ soloNoLeidas, desde, hasta });
  useEffect(() => {
    filtros.current = { soloNoLeidas, desde, hasta };
  }, [soloNoLeidas, desde, hasta]);

  const consultar = useCallback(async (numero = 1) => {
    const { soloNoLeidas, desde, hasta } = filtros.current;
    const q = new URLSearchParams({ pagina: String(numero) });
    if (soloNoLeidas) q.set("leida", "false");
    if (desde) q.set("desde", desde);
    if (hasta) q.set("hasta", hasta);
    setCargando(true);
    try {
      const r = await fetch(`${API}?${q}`, { cache: "no-store" });
      const cuerpo = await r.json();
      if (!r.ok) throw new Error(cuerpo.detail ?? "No se pudo cargar la lista.");
      setPagina((previa) => (numero === 1 ? cuerpo : { ...cuerpo, notificaciones: [...previa.notificaciones, ...cuerpo.notificaciones] }));
      setError(null);
    } catch (e) {
      setError((e as Error).message || "No se pudo cargar la lista.");
    } finally {
      setCargando(false);
    }
  }, []);

  useEffect(() => {
    return suscribirseAReprogramaciones(
      configuracion,
      (evento) => {
        const item: Item = evento;
        setPagina((p) =>
          p.notificaciones.some((n) => n.id === item.id)
            ? p
            : { ...p, notificaciones: filtros.current.hasta ? p.notificaciones : [item, ...p.notificaciones], total: p.total + 1, no_leidas: p.no_leidas + 1 },
        );
        toast.info(`Reprogramación - Reserva #${evento.reserva_id}: ${evento.cliente_nombre} reprogramó su reserva`, { id: `reprogramacion-${evento.id}`, className: "aviso-en-vivo" });
      },
      (estado) => {
        setConexion(estado);
        // Back online: the list is the source of truth for anything missed meanwhile.
        if (estado === "en_vivo") void consultar(1);
      },
    );
  }, [configuracion, consultar]);

  async function marcar(item: Item, leida: boolean) {
    const r = await fetch(`${API}${item.id}/`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ leida }) });
    const cuerpo = await r.json();
    if (!r.ok) return setError(cuerpo.detail ?? "No se pudo actualizar la notificación.");
    setPagina((p) => ({ ...p, no_leidas: cuerpo.no_leidas, notificaciones: p.notificaciones.map((n) => (n.id === item.id ? { ...n, leida } : n)) }));
  }

  async function marcarTodas() {
    const r = await fetch(`${API}marcar-todas/`, { method: "POST" });
    if (!r.ok) return setError("No se pudieron marcar las notificaciones.");
    setPagina((p) => ({ ...p, no_leidas: 0, notificaciones: p.notificaciones.map((n) => ({ ...n, leida: true })) }));
  }

  return (
    <section aria-labelledby="titulo-notificaciones" className="mb-8 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="titulo-notificaciones" className="flex items-center gap-2 text-lg font-semibold">
          Notificaciones de reprogramación
          <span data-testid="no-leidas" aria-label={`${pagina.no_leidas} sin leer`} className="rounded-full bg-red-600 px-2 py-0.5 text-sm text-white">
            {pagina.no_leidas}
          </span>
        </h2>
        <span data-testid="estado-conexion" className={`text-sm ${conexion === "en_vivo" ? "text-emerald-700" : "text-amber-700"}`}>
          ● {TEXTO_CONEXION[conexion]}
        </span>
      </div>

      <form className="mb-3 flex flex-wrap items-end gap-3 text-sm" onSubmit={(e) => { e.preventDefault(); void consultar(1); }}>
        <label className="flex min-h-11 items-center gap-2">
          <Casilla checked={soloNoLeidas} onChange={(e) => setSoloNoLeidas(e.target.checked)} />
          Solo no leídas
        </label>
        <label className="flex flex-col">
          Desde
          <Input type="date" value={desde} onChange={(e) => setDesde(e.target.value)} />
        </label>
        <label className="flex flex-col">
          Hasta
          <Input type="date" value={hasta} onChange={(e) => setHasta(e.target.value)} />
        </label>
        <button type="submit" className="min-h-11 rounded bg-slate-800 px-4 text-white">Filtrar</button>
        <button type="button" onClick={() => void marcarTodas()} disabled={pagina.no_leidas === 0} className="min-h-11 rounded px-4 text-blue-800 ring-1 ring-blue-800 disabled:opacity-40">
          Marcar todas como leídas
        </button>
      </form>

      {error && <p role="alert" className="mb-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}

      {pagina.notificaciones.length === 0 ? (
        <p className="py-6 text-center text-slate-600">{cargando ? "Cargando…" : "No hay notificaciones para mostrar."}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="lista-notificaciones" aria-busy={cargando}>
          {pagina.notificaciones.map((n) => (
            <li key={n.id} data-testid={`notificacion-${n.reserva_id}`} data-leida={n.leida} className={`flex flex-wrap items-start justify-between gap-3 py-3 ${n.leida ? "" : "bg-amber-50/60"}`}>
              <div className="text-sm">
                <p className="font-medium">
                  {!n.leida && <span className="sr-only">No leída. </span>}
                  <Link href={`/soporte/reservas/${n.reserva_id}`} className="text-blue-800 underline underline-offset-2">Reserva #{n.reserva_id}</Link> · {n.cliente.nombre} <span className="text-slate-600">({n.cliente.email})</span>
                </p>
                <p className="text-slate-700">
                  {n.tipo === "cancelacion" ? (
                    <><strong className="text-red-800">Cancelada</strong> · viaje del {formatearFechaCorta(n.fecha_anterior, zona)}</>
                  ) : (
                    <>{formatearFechaCorta(n.fecha_anterior, zona)} → <strong>{formatearFechaCorta(n.fecha_nueva, zona)}</strong></>
                  )}{" "}
                  <span className="text-slate-500">(hora de {zona})</span>
                </p>
                <p className="text-slate-600">
                  {n.motivo} · por {n.reprogramado_por} · {TIPO[n.tipo_reprogramacion] ?? n.tipo_reprogramacion} · {formatearFechaCorta(n.timestamp, zona)}
                </p>
              </div>
              <button type="button" onClick={() => void marcar(n, !n.leida)} className="shrink-0 rounded px-2 py-1 text-sm text-blue-800 ring-1 ring-slate-300 hover:bg-slate-50">
                {n.leida ? "Marcar como no leída" : "Marcar como leída"}
              </button>
            </li>
          ))}
        </ul>
      )}
      {pagina.pagina < pagina.paginas && (
        <button type="button" onClick={() => void consultar(pagina.pagina + 1)} disabled={cargando} className="mt-3 text-sm text-blue-800 underline">
          Cargar más
        </button>
      )}
    </section>
  );
}
