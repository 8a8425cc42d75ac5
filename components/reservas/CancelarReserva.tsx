"use client";
// "Cancelar reserva": what cancelling refunds now and the policy's timeline, shown before anything
// happens; then a confirmation dialog with the required reason (and, for an admin, another refund
// percentage with its reason). If the quote no longer holds (a deadline passed, the rules changed),
// the server answers the new figures and the dialog shows them for a fresh confirmation.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import type { CotizacionRespuesta } from "@/lib/cancelacion/cancelar";
import { formatearMonto } from "@/lib/formato/dinero";
import type { ResultadoAccion } from "@/lib/http/accion";

/** The server actions a cancel form calls (passed down by the page that owns them). */
export interface AccionesCancelacion {
  cotizar: (reservaId: string) => Promise<ResultadoAccion<CotizacionRespuesta>>;
  cancelar: (reservaId: string, cuerpo: unknown, clave: string) => Promise<ResultadoAccion<unknown>>;
}

export function CancelarReserva({ reservaId, inicial, zona, ajustable, cotizar, cancelar }: AccionesCancelacion & {
  reservaId: number;
  zona: string;
  inicial: CotizacionRespuesta;
  /** Admins may set another refund percentage, with a reason. */
  ajustable: boolean;
}) {
  const router = useRouter();
  const [cotizacion, setCotizacion] = useState(inicial);
  const [abierto, setAbierto] = useState(false);
  const [clave, setClave] = useState("");
  const [motivo, setMotivo] = useState("");
  const [porcentaje, setPorcentaje] = useState("");
  const [razon, setRazon] = useState("");
  const [errores, setErrores] = useState<Record<string, string>>({});
  const [aviso, setAviso] = useState<string | null>(null);
  const [trabajando, iniciar] = useTransition();
  const dinero = (m: string) => formatearMonto(m, cotizacion.moneda);

  function abrir() {
    iniciar(async () => {
      // A fresh quote for the dialog: the one the page was rendered with may be minutes old.
      const r = await cotizar(String(reservaId));
      if (r.ok) setCotizacion(r.datos);
      setClave(crypto.randomUUID());
      setErrores({});
      setAviso(null);
      setAbierto(true);
    });
  }

  function confirmar() {
    const cuerpo = {
      cotizacion: cotizacion.cotizacion,
      motivo,
      ...(ajustable && porcentaje.trim() ? { porcentaje_reembolso: Number(porcentaje.replace(",", ".")), razon_ajuste: razon } : {}),
    };
    iniciar(async () => {
      const r = await cancelar(String(reservaId), cuerpo, clave);
      if (r.ok) {
        setAbierto(false);
        toast.success("Reserva cancelada", { description: "Enviamos la confirmación por correo." });
        router.refresh();
        return;
      }
      const nueva = r.cuerpo.cotizacion_nueva as CotizacionRespuesta | undefined;
      if (nueva) {
        setCotizacion(nueva);
        setClave(crypto.randomUUID());
        setAviso(`${r.detail} Ahora: ${nueva.porcentaje_reembolso} % (${formatearMonto(nueva.monto_reembolso, nueva.moneda)}).`);
        return;
      }
      setErrores(r.campos);
      setAviso(Object.keys(r.campos).length ? null : r.detail);
      document.getElementById(r.campos.motivo ? "motivo-cancelacion" : r.campos.razon_ajuste ? "razon-ajuste" : "porcentaje-ajuste")?.focus();
    });
  }

  if (!cotizacion.puede_cancelar) return <p className="text-sm text-slate-700" data-testid="sin-cancelacion">{cotizacion.razon}</p>;
  return (
    <div className="space-y-3">
      <p className="text-base" data-testid="reembolso-actual">
        Si cancela ahora, le devolvemos <strong>{dinero(cotizacion.monto_reembolso)}</strong> ({cotizacion.porcentaje_reembolso} % de {dinero(cotizacion.total)})
        {Number(cotizacion.costo_cancelacion) > 0 && <>, con un cargo de {dinero(cotizacion.costo_cancelacion)}</>}.
      </p>
      <div>
        <h3 className="text-sm font-semibold">{cotizacion.politica?.nombre ?? "Política de cancelación"} <span className="font-normal text-slate-600">(hora de {zona})</span></h3>
        <ol className="mt-1 space-y-1 text-sm" data-testid="linea-tiempo">
          {cotizacion.linea_tiempo.map((t) => (
            <li key={t.hasta} className={t.vigente ? "font-semibold text-slate-950" : "text-slate-700"} aria-current={t.vigente ? "step" : undefined}>
              {t.vigente ? "▸ " : ""}{t.texto}{t.vigente ? " (ahora)" : ""}
            </li>
          ))}
        </ol>
      </div>
      <Button variante="peligro" onClick={abrir} cargando={trabajando && !abierto} textoCargando="Cotizando…">Cancelar reserva…</Button>
      <Dialog
        open={abierto}
        onOpenChange={(o) => !trabajando && setAbierto(o)}
        title="¿Cancelar la reserva?"
        description={`Se le devolverán ${dinero(cotizacion.monto_reembolso)} (${cotizacion.porcentaje_reembolso} %). Esta acción no se puede deshacer.`}
        footer={
          <>
            <Button variante="secundario" onClick={() => setAbierto(false)} disabled={trabajando}>Volver</Button>
            <Button variante="peligro" onClick={confirmar} cargando={trabajando} textoCargando="Cancelando…">Sí, cancelar la reserva</Button>
          </>
        }
      >
        <div className="space-y-3">
          {aviso && <Alert tono="aviso">{aviso}</Alert>}
          <Field id="motivo-cancelacion" label="Motivo de la cancelación" hint="Entre 10 y 1000 caracteres." error={errores.motivo}>
            {(p) => <Textarea {...p} rows={3} value={motivo} onChange={(e) => setMotivo(e.target.value)} />}
          </Field>
          {ajustable && (
            <fieldset className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
              <legend className="px-1 text-sm font-medium">Ajuste del reembolso (administrador, opcional)</legend>
              <Field id="porcentaje-ajuste" label="Porcentaje a reembolsar" hint={`La política da ${cotizacion.porcentaje_reembolso} %.`} error={errores.porcentaje_reembolso}>
                {(p) => <Input {...p} inputMode="decimal" value={porcentaje} onChange={(e) => setPorcentaje(e.target.value)} className="max-w-32" />}
              </Field>
              <Field id="razon-ajuste" label="Razón del ajuste" error={errores.razon_ajuste}>
                {(p) => <Input {...p} value={razon} onChange={(e) => setRazon(e.target.value)} />}
              </Field>
            </fieldset>
          )}
        </div>
      </Dialog>
    </div>
  );
}
