"use client";
// On a full day of the reschedule form: join that day's waiting list, see the place in line, leave
// it. A freed place is offered by email (and SMS) and held for a while; the reservation page shows it.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import type { ResultadoAccion } from "@/lib/http/accion";
import type { EntradaVisible } from "@/lib/lista-espera/entradas";

export type AccionListaEspera = (reservaId: string, fecha: string) => Promise<ResultadoAccion<EntradaVisible>>;

const fechaLarga = (dia: string) =>
  new Intl.DateTimeFormat("es-BO", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${dia}T12:00:00Z`));

export function ListaEsperaDia({ reservaId, dia, personas, entrada, unirse, salir, personal = false }: {
  reservaId: number;
  dia: string;
  personas: number;
  /** The reservation's open entry for this day, if any. */
  entrada: EntradaVisible | null;
  unirse: AccionListaEspera;
  salir: AccionListaEspera;
  personal?: boolean;
}) {
  const router = useRouter();
  const [actual, setActual] = useState<EntradaVisible | null>(entrada);
  const [confirmandoSalida, setConfirmandoSalida] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pendiente, iniciar] = useTransition();
  const cliente = personal ? "el cliente" : "usted";

  function ejecutar(accion: AccionListaEspera, alTerminar: (e: EntradaVisible) => void) {
    setError(null);
    iniciar(async () => {
      const r = await accion(String(reservaId), dia);
      if (!r.ok) {
        setError(r.detail);
        toast.error("No se pudo completar", { description: r.detail });
        return;
      }
      alTerminar(r.datos);
      router.refresh();
    });
  }

  const unirme = () =>
    ejecutar(unirse, (e) => {
      setActual(e);
      toast.success("Se unió a la lista de espera", { description: `Posición ${e.posicion} para el ${fechaLarga(dia)}` });
    });
  const salirme = () => {
    setConfirmandoSalida(false);
    ejecutar(salir, () => {
      setActual(null);
      toast.success("Salió de la lista de espera");
    });
  };

  return (
    <div className="mt-3 space-y-2" data-testid="lista-espera" aria-live="polite">
      {actual ? (
        <Alert tono="info" title={actual.estado === "OFERTADA" ? "¡Se liberó un lugar!" : "En lista de espera"}>
          {actual.estado === "OFERTADA" ? (
            <>Hay un lugar guardado para esta reserva el {fechaLarga(dia)}. Acéptelo desde la página de la reserva.</>
          ) : (
            <>
              <span data-testid="posicion-lista-espera">Posición {actual.posicion} de {actual.personas_en_lista}</span> en la lista del {fechaLarga(dia)}. Si se libera un lugar, se lo
              ofreceremos a {cliente} por correo{personal ? "" : " (y SMS si tiene celular registrado)"} y lo guardaremos por un tiempo.
            </>
          )}
          <div className="mt-2">
            <Button variante="secundario" onClick={() => setConfirmandoSalida(true)} cargando={pendiente} textoCargando="Saliendo…">
              Salir de la lista de espera
            </Button>
          </div>
        </Alert>
      ) : (
        <Alert tono="aviso" title="Este día está lleno">
          {personas > 0 ? `Ya hay ${personas} ${personas === 1 ? "persona" : "personas"} en la lista de espera. ` : "Nadie está en la lista de espera todavía. "}
          Si se une y se libera un lugar, se lo ofreceremos en orden de llegada.
          <div className="mt-2">
            <Button onClick={unirme} cargando={pendiente} textoCargando="Uniéndose…">
              Unirme a la lista de espera
            </Button>
          </div>
        </Alert>
      )}
      {error && <p className="text-sm text-red-800" role="alert">{error}</p>}
      <Dialog open={confirmandoSalida} onOpenChange={setConfirmandoSalida} title="¿Salir de la lista de espera?"
        description={actual?.estado === "OFERTADA" ? "El lugar ofrecido pasará a la siguiente persona de la lista." : "Perderá su posición en la lista de este día."}
        footer={
          <>
            <Button variante="secundario" onClick={() => setConfirmandoSalida(false)}>Volver</Button>
            <Button variante="peligro" onClick={salirme}>Salir de la lista</Button>
          </>
        } />
    </div>
  );
}
