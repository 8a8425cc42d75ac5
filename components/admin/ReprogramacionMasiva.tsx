"use client";
// Bulk move: tick reservations (all of the filter by default), choose the new date (one instant, or
// "same time on day X"), the reason and the admin options; a dry run says who would move and who
// would not, and why; only then the run, which continues on the server.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Casilla, Input, Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { formatearFechaCorta } from "@/lib/formato/fecha";
import type { ResultadoAccion } from "@/lib/http/accion";
import type { Simulacion } from "@/lib/reprogramacion/lotes";
import { nuevaFechaDe } from "@/lib/reprogramacion/formulario";
import { TIPOS_REGLA } from "@/components/reprogramacion/OpcionesPersonal";

export interface Candidata {
  id: number;
  cliente: string;
  destino: string;
  fecha_inicio: string;
  estado: string;
}

export function ReprogramacionMasiva({ candidatas, zona, simular, ejecutar }: {
  candidatas: Candidata[];
  zona: string;
  simular: (cuerpo: unknown) => Promise<ResultadoAccion<Simulacion>>;
  ejecutar: (cuerpo: unknown) => Promise<ResultadoAccion<{ id: number }>>;
}) {
  const router = useRouter();
  const [elegidas, setElegidas] = useState<Set<number>>(() => new Set(candidatas.map((c) => c.id)));
  const [mismaHora, setMismaHora] = useState(true);
  const [dia, setDia] = useState("");
  const [hora, setHora] = useState("10:00");
  const [motivo, setMotivo] = useState("");
  const [bypass, setBypass] = useState<string[]>([]);
  const [razon, setRazon] = useState("");
  const [valorCupon, setValorCupon] = useState("");
  const [notificar, setNotificar] = useState(true);
  const [errores, setErrores] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [simulacion, setSimulacion] = useState<{ huella: string; datos: Simulacion } | null>(null);
  const [confirmando, setConfirmando] = useState(false);
  const [trabajando, iniciar] = useTransition();

  function cuerpo() {
    return {
      reserva_ids: candidatas.filter((c) => elegidas.has(c.id)).map((c) => c.id),
      ...(mismaHora ? { dia } : { nueva_fecha: dia && /^\d\d:\d\d$/.test(hora) ? nuevaFechaDe(dia, hora, zona) : "" }),
      solicitud: {
        motivo,
        notificar_cliente: notificar,
        ...(bypass.length ? { bypass_reglas: bypass, ...(razon.trim() ? { razon_bypass: razon } : {}) } : {}),
        ...(valorCupon.trim() ? { compensacion_adicional: { tipo: "CUPONES", cantidad: 1, valor: valorCupon.trim() } } : {}),
      },
    };
  }
  const huella = JSON.stringify(cuerpo());
  const vigente = simulacion?.huella === huella ? simulacion.datos : null;

  function mostrarErrores(r: Extract<ResultadoAccion<unknown>, { ok: false }>) {
    const campos = Object.fromEntries(Object.entries(r.campos).map(([k, v]) => [k.replace(/^solicitud\./, "").replace(/^(dia|nueva_fecha)$/, "dia").replace(/^reserva_ids.*/, "reservas"), v]));
    setErrores(campos);
    setGeneral(r.detail);
    const primero = ["reservas", "dia", "motivo", "razon_bypass", "valor_cupon"].find((k) => campos[k]);
    if (primero) document.getElementById(primero)?.focus();
  }

  function probar() {
    iniciar(async () => {
      const r = await simular(cuerpo());
      if (!r.ok) return mostrarErrores(r);
      setErrores({});
      setGeneral(null);
      setSimulacion({ huella, datos: r.datos });
    });
  }

  function correr() {
    setConfirmando(false);
    iniciar(async () => {
      const r = await ejecutar(cuerpo());
      if (!r.ok) return mostrarErrores(r);
      toast.success("Reprogramación masiva en curso");
      router.push(`/admin/reprogramaciones/${r.datos.id}`);
    });
  }

  const todas = elegidas.size === candidatas.length;
  return (
    <div className="space-y-4">
      <Card aria-labelledby="titulo-reservas">
        <CardHeader title={`Reservas (${elegidas.size} de ${candidatas.length} elegidas)`} titleId="titulo-reservas" />
        {candidatas.length === 0 ? (
          <p className="text-sm text-slate-700">Ninguna reserva coincide con el filtro.</p>
        ) : (
          <>
            <label className="mb-2 flex min-h-11 items-center gap-2 text-sm font-medium">
              <Casilla id="reservas" checked={todas} onChange={() => setElegidas(todas ? new Set() : new Set(candidatas.map((c) => c.id)))} />
              Todas las del filtro
            </label>
            {errores.reservas && <p className="text-sm font-medium text-red-800">{errores.reservas}</p>}
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-slate-200" aria-label="Reservas del filtro">
              {candidatas.map((c) => (
                <li key={c.id}>
                  <label className="flex min-h-11 items-center gap-3 px-3 py-2 text-sm">
                    <Casilla className="size-5 shrink-0" checked={elegidas.has(c.id)}
                      onChange={(e) => setElegidas((s) => { const n = new Set(s); if (e.target.checked) n.add(c.id); else n.delete(c.id); return n; })} />
                    <span className="grid flex-1 gap-x-3 sm:grid-cols-[4rem_1fr_1fr_9rem]">
                      <span className="font-medium">#{c.id}</span>
                      <span>{c.cliente}</span>
                      <span>{c.destino}</span>
                      <span>{formatearFechaCorta(c.fecha_inicio, zona)}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>

      <Card aria-labelledby="titulo-cambio">
        <CardHeader title="El cambio" titleId="titulo-cambio" />
        <div className="grid gap-4 sm:grid-cols-2">
          <fieldset className="sm:col-span-2">
            <legend className="mb-1 text-sm font-medium">Nueva fecha ({zona})</legend>
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <Casilla type="radio" name="modo" checked={mismaHora} onChange={() => setMismaHora(true)} /> El mismo día para todas, cada una a su hora actual
            </label>
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <Casilla type="radio" name="modo" checked={!mismaHora} onChange={() => setMismaHora(false)} /> El mismo día y hora para todas
            </label>
          </fieldset>
          <Field id="dia" label="Día" error={errores.dia}>{(p) => <Input {...p} type="date" value={dia} onChange={(e) => setDia(e.target.value)} />}</Field>
          {!mismaHora && <Field id="hora" label="Hora">{(p) => <Input {...p} type="time" value={hora} onChange={(e) => setHora(e.target.value)} />}</Field>}
          <div className="sm:col-span-2">
            <Field id="motivo" label="Motivo" hint="Entre 10 y 1000 caracteres; llega a cada cliente." error={errores.motivo}>
              {(p) => <Textarea {...p} rows={2} value={motivo} onChange={(e) => setMotivo(e.target.value)} />}
            </Field>
          </div>
          <fieldset className="sm:col-span-2">
            <legend className="mb-1 text-sm font-medium">Omitir reglas</legend>
            {TIPOS_REGLA.map((t) => (
              <label key={t.valor} className="flex min-h-11 items-center gap-2 text-sm">
                <Casilla checked={bypass.includes(t.valor)} onChange={(e) => setBypass(e.target.checked ? [...bypass, t.valor] : bypass.filter((b) => b !== t.valor))} />
                {t.texto}
              </label>
            ))}
          </fieldset>
          {bypass.length > 0 && <Field id="razon_bypass" label="Razón para omitir" error={errores.razon_bypass}>{(p) => <Input {...p} value={razon} onChange={(e) => setRazon(e.target.value)} />}</Field>}
          <Field id="valor_cupon" label="Cupón para cada cliente (Bs, opcional)" error={errores["compensacion_adicional.valor"]}>
            {(p) => <Input {...p} inputMode="decimal" value={valorCupon} onChange={(e) => setValorCupon(e.target.value)} />}
          </Field>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <Casilla checked={notificar} onChange={(e) => setNotificar(e.target.checked)} /> Avisar a cada cliente por correo
          </label>
        </div>
      </Card>

      {general && <Alert tono="peligro" title="Revise los datos">{general}</Alert>}

      {vigente && (
        <Card aria-labelledby="titulo-prueba" data-testid="simulacion">
          <CardHeader title="Prueba sin cambios" titleId="titulo-prueba" />
          <p className="text-base">
            <strong data-testid="pasarian">{vigente.pasarian}</strong> se moverían y <strong data-testid="fallarian">{vigente.fallarian}</strong> no.
          </p>
          <ul className="mt-2 text-sm text-slate-800">
            {vigente.capacidad.map((c) => <li key={c.dia}>Capacidad del {c.dia}: {c.ocupadas} de {c.capacidad} ocupados, {c.libres} libres.</li>)}
          </ul>
          {vigente.fallarian > 0 && (
            <ul className="mt-3 max-h-60 space-y-1 overflow-y-auto text-sm" aria-label="Reservas que no se moverían">
              {vigente.items.filter((i) => !i.pasaria).map((i) => (
                <li key={i.reserva_id}>#{i.reserva_id}: <Badge tono="peligro">{i.error_code}</Badge> {i.detalle}</li>
              ))}
            </ul>
          )}
        </Card>
      )}

      <div className="flex flex-col gap-2 sm:flex-row">
        <Button variante="secundario" onClick={probar} cargando={trabajando && !confirmando} textoCargando="Probando…">Probar sin cambios</Button>
        <Button onClick={() => setConfirmando(true)} disabled={!vigente || vigente.pasarian === 0 || trabajando}>Reprogramar {vigente ? vigente.total : ""} reservas</Button>
      </div>
      {!vigente && <p className="text-sm text-slate-700">Pruebe primero: el botón de reprogramar se habilita con el resultado de la prueba.</p>}

      <Dialog open={confirmando} onOpenChange={setConfirmando} title="¿Reprogramar estas reservas?"
        description={vigente ? `Se intentará mover ${vigente.total} reservas; según la prueba, ${vigente.pasarian} se moverán y ${vigente.fallarian} no. Cada una se procesa por separado.` : undefined}
        footer={
          <>
            <Button variante="secundario" onClick={() => setConfirmando(false)}>Volver</Button>
            <Button onClick={correr}>Reprogramar ahora</Button>
          </>
        } />
    </div>
  );
}
