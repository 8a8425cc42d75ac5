import { formatearFechaCorta, zonaAgencia } from "@/lib/formato/fecha";
import { formatearMonto } from "@/lib/formato/dinero";
import { EstadoReserva } from "./EstadoReserva";
import type { ReservaSerializada } from "@/lib/reservas/serializar";


export function TablaReservas({ reservas, mostrarCliente = false }: { reservas: ReservaSerializada[]; mostrarCliente?: boolean }) {
  if (reservas.length === 0) {
    return <p className="rounded-lg bg-white p-6 text-slate-600 ring-1 ring-slate-200">No hay reservas para mostrar.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Reservas</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">Reserva</th>
            {mostrarCliente && <th scope="col" className="px-3 py-2">Cliente</th>}
            <th scope="col" className="px-3 py-2">Destino y servicios</th>
            <th scope="col" className="px-3 py-2">Fecha ({zonaAgencia()})</th>
            <th scope="col" className="px-3 py-2">Estado</th>
            <th scope="col" className="px-3 py-2">Reprogramaciones</th>
            <th scope="col" className="px-3 py-2 text-right">Total</th>
          </tr>
        </thead>
        <tbody>
          {reservas.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top" data-testid={`reserva-${r.id}`}>
              <td className="px-3 py-2 font-medium">#{r.id}</td>
              {mostrarCliente && <td className="px-3 py-2">{r.cliente.nombre}<br /><span className="text-slate-500">{r.cliente.email}</span></td>}
              <td className="px-3 py-2">
                <div className="font-medium">{r.destino}</div>
                <ul className="text-slate-600">
                  {r.servicios.map((s) => <li key={s.id}>{s.descripcion}</li>)}
                </ul>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{formatearFechaCorta(r.fecha_inicio!)}</td>
              <td className="px-3 py-2"><EstadoReserva estado={r.estado} /></td>
              <td className="px-3 py-2">{r.numero_reprogramaciones}</td>
              <td className="px-3 py-2 text-right whitespace-nowrap">{formatearMonto(r.total!, r.moneda)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
