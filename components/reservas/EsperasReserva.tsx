"use client";
// A reservation's open waiting-list entries: the place in line, or an offered place with its deadline
// and the choice to take it (the ordinary reschedule) or let it go to the next in line.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { formatearFechaHora } from "@/lib/formato/fecha";
import type { ResultadoAccion } from "@/lib/http/accion";
import type { EntradaVisible } from "@/lib/lista-espera/entradas";
import type { AccionListaEspera } from "@/components/reprogramacion/ListaEsperaDia";

type Aceptar = (reservaId: string, fecha: string) => Promise<ResultadoAccion<{ fechaNueva: string }>>;

export function EsperasReserva({ reservaId, entradas, zona, aceptar, salir }: { reservaId: number; entradas: EntradaVisible[]; zona: string; aceptar: Aceptar; salir: AccionListaEspera }) {
  const router = useRouter();
  const [pendiente, iniciar] = useTransition();
  const [dialogo, setDialogo] = useState<{ tipo: "aceptar" | "salir"; entrada: EntradaVisible } | null>(null);

  function confirmar() {
    if (!dialogo) return;
    const { tipo, entrada } = dialogo;
    setDialogo(null);
    iniciar(async () => {
      const r = tipo === "aceptar" ? await aceptar(String(reservaId), entrada.fecha) : await salir(String(reservaId), entrada.fecha);
      if (!r.ok) toast.error(tipo === "aceptar" ? "No se pudo tomar el lugar" : "No se pudo salir de la lista", { description: r.detail });
      else if (tipo === "aceptar") toast.success("Reserva reprogramada", { description: formatearFechaHora((r.datos as { fechaNueva: string }).fechaNueva, zona) });
      else toast.success(entrada.estado === "OFERTADA" ? "Lugar rechazado: pasa a la siguiente persona" : "Salió de la lista de espera");
      router.refresh();
    });
  }

  return (
    <ul className="space-y-3" data-testid="esperas-reserva">
      {entradas.map((e) => (
        <li key={e.id}>
          {e.estado === "OFERTADA" && e.oferta ? (
            <Alert tono="exito" title={`¡Se liberó un lugar el ${formatearFechaHora(e.fecha_propuesta, zona)}!`}>
              Lo guardamos hasta el <strong>{formatearFechaHora(e.oferta.vence_at, zona)}</strong>. Al aceptarlo, la reserva se reprograma con las reglas habituales.
              <div className="mt-2 flex flex-wrap gap-2">
                <Button onClick={() => setDialogo({ tipo: "aceptar", entrada: e })} cargando={pendiente} textoCargando="Procesando…">Aceptar el lugar</Button>
                <Button variante="secundario" onClick={() => setDialogo({ tipo: "salir", entrada: e })} disabled={pendiente}>Rechazar</Button>
              </div>
            </Alert>
          ) : (
            <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 p-3 text-sm">
              <span>
                Lista de espera del <strong>{formatearFechaHora(e.fecha_propuesta, zona)}</strong>: posición <strong data-testid="posicion">{e.posicion}</strong> de {e.personas_en_lista}
              </span>
              <Button variante="secundario" onClick={() => setDialogo({ tipo: "salir", entrada: e })} cargando={pendiente} textoCargando="Saliendo…">Salir de la lista</Button>
            </div>
          )}
        </li>
      ))}
      <Dialog open={dialogo !== null} onOpenChange={(abierto) => !abierto && setDialogo(null)}
        title={dialogo?.tipo === "aceptar" ? "¿Tomar este lugar?" : dialogo?.entrada.estado === "OFERTADA" ? "¿Rechazar el lugar?" : "¿Salir de la lista de espera?"}
        description={
          dialogo?.tipo === "aceptar"
            ? `La reserva pasará al ${dialogo ? formatearFechaHora(dialogo.entrada.fecha_propuesta, zona) : ""}. Cuenta como una reprogramación.`
            : dialogo?.entrada.estado === "OFERTADA" ? "El lugar pasará a la siguiente persona de la lista." : "Perderá su posición en la lista."
        }
        footer={
          <>
            <Button variante="secundario" onClick={() => setDialogo(null)}>Volver</Button>
            <Button variante={dialogo?.tipo === "aceptar" ? "primario" : "peligro"} onClick={confirmar} data-testid="confirmar-espera">
              {dialogo?.tipo === "aceptar" ? "Sí, tomar el lugar" : dialogo?.entrada.estado === "OFERTADA" ? "Rechazar el lugar" : "Salir de la lista"}
            </Button>
          </>
        } />
    </ul>
  );
}
