// Search results: one row per reservation (a card on a phone), each a link to its workspace, and
// pages that keep the filters.
import Link from "next/link";
import { EstadoReserva } from "@/components/reservas/EstadoReserva";
import { formatearFechaCorta } from "@/lib/formato/fecha";
import { formatearMonto } from "@/lib/formato/dinero";
import type { ReservaSerializada } from "@/lib/reservas/serializar";

export function ResultadosReservas({ reservas, total, pagina, paginas, zona, enlace }: {
  reservas: ReservaSerializada[];
  total: number;
  pagina: number;
  paginas: number;
  zona: string;
  enlace: (pagina: number) => string;
}) {
  if (reservas.length === 0)
    return <p className="rounded-lg bg-white p-6 text-center text-slate-700 ring-1 ring-slate-200">Ninguna reserva coincide con la búsqueda. Pruebe con otra palabra o quite filtros.</p>;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700" aria-live="polite">{total} {total === 1 ? "reserva" : "reservas"} · página {pagina} de {paginas} · fechas en hora de {zona}</p>
      <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg bg-white ring-1 ring-slate-200" data-testid="resultados">
        {reservas.map((r) => (
          <li key={r.id}>
            <Link href={`/soporte/reservas/${r.id}`} data-resultado className="grid gap-1 px-4 py-3 hover:bg-slate-50 focus-visible:bg-blue-50 sm:grid-cols-[5rem_1.5fr_1.5fr_9rem_7rem_7rem] sm:items-center sm:gap-3">
              <span className="font-medium text-blue-800">#{r.id}</span>
              <span>
                <span className="block font-medium">{r.cliente.nombre}</span>
                <span className="block text-sm break-all text-slate-600">{r.cliente.email}</span>
              </span>
              <span>{r.destino}</span>
              <span className="text-sm">{formatearFechaCorta(r.fecha_inicio!, zona)}</span>
              <span><EstadoReserva estado={r.estado} /></span>
              <span className="text-sm sm:text-right">{formatearMonto(r.total!, r.moneda)}</span>
            </Link>
          </li>
        ))}
      </ul>
      {paginas > 1 && (
        <nav aria-label="Páginas de resultados" className="flex items-center justify-between gap-2 text-sm">
          {pagina > 1 ? <Link href={enlace(pagina - 1)} className="rounded-md px-3 py-2 text-blue-800 ring-1 ring-slate-300">← Anterior</Link> : <span />}
          {pagina < paginas && <Link href={enlace(pagina + 1)} className="rounded-md px-3 py-2 text-blue-800 ring-1 ring-slate-300">Siguiente →</Link>}
        </nav>
      )}
    </div>
  );
}
