"use client";
// The client's reschedule form: pick a day on the availability calendar (or type it), a time in the
// agency zone, read the live verdict, write the reason, review a summary, confirm. The submission is
// a server action; a network failure or a 5xx is retried with backoff under the same idempotency
// key, so a lost response never reschedules twice. A 4xx is shown, never retried.
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useCallback, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Datum } from "@/components/ui/datum";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { formatearFechaHora } from "@/lib/formato/fecha";
import { formatearMonto } from "@/lib/formato/dinero";
import { conReintentos } from "@/lib/reintentos";
import { enFechaLocal, fechaLocal, horaLocal } from "@/lib/reprogramacion/calendario";
import type { CalendarioReserva } from "@/lib/reprogramacion/calendario-reserva";
import { DESCUENTO_MAXIMO_OPERADOR, MENSAJE_DESCUENTO_EXCESIVO } from "@/lib/reprogramacion/descuento";
import { camposFormularioSchema, camposPersonalSchema, MOTIVO_MAX, MOTIVO_MIN, nuevaFechaDe, type ResultadoEnvio } from "@/lib/reprogramacion/formulario";
import { BotonesSugerencias } from "./BotonesSugerencias";
import type { EntradaVisible } from "@/lib/lista-espera/entradas";
import { CalendarioDisponibilidad, descripcionDia } from "./CalendarioDisponibilidad";
import { ListaEsperaDia, type AccionListaEspera } from "./ListaEsperaDia";
import { OpcionesPersonal, VALORES_PERSONAL, vistaDescuento, type ValoresPersonal } from "./OpcionesPersonal";
import { VistaPrevia, type EstadoVistaPrevia, type Verificacion } from "./VistaPrevia";

type Errores = Record<string, string | undefined>;
type Enviar = (reservaId: string, formData: FormData) => Promise<ResultadoEnvio>;

/** Automatic retries after the first attempt, for network failures and 5xx only (seed §9). */
export const REINTENTOS = 3;
const ORDEN_CAMPOS = ["fecha", "hora", "motivo", "porcentaje_descuento", "prioridad", "observaciones_internas", "razon_bypass", "valor_cupon", "cupones", "descripcion_cupon", "categoria_reprogramacion", "observaciones_cliente"] as const;

function nuevaClave() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

const SIN_RESPUESTA: ResultadoEnvio = {
  ok: false,
  status: 0,
  error_code: "SIN_CONEXION",
  detail: "No pudimos comunicarnos con el servidor. Revise su conexión e intente de nuevo: no se hará ningún cambio dos veces.",
  campos: {},
  sugerencias: [],
};

export function FormularioReprogramacion({ reservaId, calendario, fechaActual, total, moneda, restantes, enviar, rutaExito, personal = null, listaEspera = null }: {
  reservaId: number;
  calendario: CalendarioReserva;
  fechaActual: string;
  total: string;
  moneda: string;
  restantes: number | null;
  enviar: Enviar;
  /** Where a successful reschedule leads; the new history entry's id is appended. */
  rutaExito: string;
  /** Support's options (operator or admin), or null for the client's own form. */
  personal?: { rol: "OPERADOR" | "ADMIN" } | null;
  /** The reservation's open waiting-list entries and the actions to join or leave one. */
  listaEspera?: { entradas: EntradaVisible[]; unirse: AccionListaEspera; salir: AccionListaEspera } | null;
}) {
  const { zona } = calendario;
  const router = useRouter();
  const [fecha, setFecha] = useState("");
  const [hora, setHora] = useState(calendario.hora_local);
  const [motivo, setMotivo] = useState("");
  const [mes, setMes] = useState(() => enFechaLocal(calendario.desde, 12, 0, zona));
  const [errores, setErrores] = useState<Errores>({});
  const [vista, setVista] = useState<EstadoVistaPrevia>({ tipo: "vacia" });
  const [confirmando, setConfirmando] = useState(false);
  const [reintento, setReintento] = useState<number | null>(null);
  const [enfoque, setEnfoque] = useState(0);
  const [revisando, setRevisando] = useState(false);
  const [opciones, setOpciones] = useState<ValoresPersonal>(VALORES_PERSONAL);
  // One key per submission; kept while the outcome is unknown (no answer, 5xx) so a resend is a replay.
  const clave = useRef<{ valor: string; huella: string; incierta: boolean } | null>(null);
  const errorGeneral = useRef<HTMLDivElement>(null);

  const nuevaFechaIso = fecha && /^\d\d:\d\d$/.test(hora) ? nuevaFechaDe(fecha, hora, zona) : null;
  const diaElegido = fecha ? calendario.dias.find((d) => d.fecha === fecha) : undefined;
  const entradaDelDia = listaEspera?.entradas.find((e) => e.fecha === fecha) ?? null;

  // Live preview: the server's verdict for the chosen date and time.
  const consultarVista = useCallback(
    async (iso: string, signal?: AbortSignal): Promise<EstadoVistaPrevia> => {
      try {
        const r = await fetch(`/api/reservas/${reservaId}/puede-reprogramar/?nueva_fecha=${encodeURIComponent(iso)}`, { signal, cache: "no-store" });
        const cuerpo = await r.json();
        return r.ok ? { tipo: "lista", para: iso, datos: cuerpo } : { tipo: "error", para: iso, mensaje: cuerpo.detail ?? "No se pudo verificar la fecha." };
      } catch {
        return { tipo: "error", para: iso, mensaje: "No se pudo verificar la fecha. Revise su conexión." };
      }
    },
    [reservaId],
  );

  useEffect(() => {
    if (!nuevaFechaIso) return;
    const control = new AbortController();
    const t = setTimeout(async () => {
      const estado = await consultarVista(nuevaFechaIso, control.signal);
      if (!control.signal.aborted) setVista(estado);
    }, 150);
    return () => {
      clearTimeout(t);
      control.abort();
    };
  }, [nuevaFechaIso, consultarVista]);

  // The verdict shown is always the one for the date on screen, never a previous one.
  const vistaActual: EstadoVistaPrevia = !nuevaFechaIso ? { tipo: "vacia" } : (vista.tipo === "lista" || vista.tipo === "error") && vista.para !== nuevaFechaIso ? { tipo: "cargando" } : vista;

  const [resultado, despachar, enviando] = useActionState(async (_previo: ResultadoEnvio | null, datos: FormData): Promise<ResultadoEnvio> => {
    const r = (await conReintentos(() => enviar(String(reservaId), datos), {
      reintentos: REINTENTOS,
      reintentable: (r) => !r.ok && r.status >= 500,
      alReintentar: setReintento,
    })) ?? SIN_RESPUESTA;
    setReintento(null);
    if (r.ok) {
      clave.current = null;
      toast.success("Reserva reprogramada", { description: formatearFechaHora(r.fechaNueva, zona) });
      router.push(`${rutaExito}${r.historialId}`);
    } else {
      if (clave.current) clave.current.incierta = r.status === 0 || r.status >= 500;
      setErrores({ ...r.campos, general: r.detail });
      toast.error("No se pudo reprogramar", { description: r.detail });
      setEnfoque((n) => n + 1);
    }
    return r;
  }, null);

  // After an error: focus the first field in error, or the message when no field is to blame.
  useEffect(() => {
    if (!enfoque) return;
    const primero = ORDEN_CAMPOS.find((c) => errores[c]);
    if (primero) document.getElementById(primero)?.focus();
    else errorGeneral.current?.focus();
    // Only on a new answer, not on every edit of the errors.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enfoque]);

  function elegirFecha(dia: string) {
    setFecha(dia);
    setErrores((e) => ({ ...e, fecha: undefined }));
  }

  function elegirSugerencia(iso: string) {
    const d = new Date(iso);
    const { hora: h, minuto: m } = horaLocal(d, zona);
    elegirFecha(fechaLocal(d, zona));
    setHora(`${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
    setMes(enFechaLocal(fechaLocal(d, zona), 12, 0, zona));
    setErrores({});
  }

  /** The form's values as the server action reads them (FormData entries). */
  function valores(claveEnvio: string): [string, string][] {
    const base: [string, string][] = [["fecha", fecha], ["hora", hora], ["motivo", motivo], ["clave", claveEnvio]];
    if (!personal) return base;
    const o = opciones;
    return [
      ...base,
      ["notificar_cliente", o.notificar_cliente ? "on" : ""],
      ...(o.aplicar_descuento ? ([["aplicar_descuento", "on"], ["porcentaje_descuento", o.porcentaje_descuento]] as [string, string][]) : []),
      ["prioridad", o.prioridad],
      ["observaciones_internas", o.observaciones_internas],
      ...(personal.rol === "ADMIN"
        ? ([...o.bypass_reglas.map((b) => ["bypass_reglas", b]), ["razon_bypass", o.bypass_reglas.length ? o.razon_bypass : ""], ["valor_cupon", o.valor_cupon], ["cupones", o.valor_cupon ? o.cupones : ""], ["descripcion_cupon", o.valor_cupon ? o.descripcion_cupon : ""], ["categoria_reprogramacion", o.categoria_reprogramacion], ["observaciones_cliente", o.observaciones_cliente]] as [string, string][])
        : []),
    ];
  }

  /** Seed §9: validate in the browser first; the server validates again with the same schemas. */
  function validar(vistaPrevia: EstadoVistaPrevia): Errores {
    const entradas = valores("x");
    const crudos = Object.fromEntries(entradas.filter(([k]) => k !== "bypass_reglas"));
    const r = (personal ? camposPersonalSchema : camposFormularioSchema).safeParse({ ...crudos, bypass_reglas: entradas.filter(([k]) => k === "bypass_reglas").map(([, v]) => v) });
    const encontrados: Errores = {};
    if (!r.success) for (const issue of r.error.issues) encontrados[String(issue.path[0])] ??= issue.message;
    if (personal && opciones.aplicar_descuento && !opciones.porcentaje_descuento.trim()) encontrados.porcentaje_descuento = "Indique el porcentaje de descuento";
    if (personal?.rol === "OPERADOR" && !encontrados.porcentaje_descuento && opciones.aplicar_descuento && Number(opciones.porcentaje_descuento.replace(",", ".")) > DESCUENTO_MAXIMO_OPERADOR)
      encontrados.porcentaje_descuento = `${MENSAJE_DESCUENTO_EXCESIVO}: solo un administrador puede aplicarlo.`;
    if (!encontrados.fecha && nuevaFechaIso && new Date(nuevaFechaIso) <= new Date()) encontrados.fecha = "La nueva fecha debe ser en el futuro";
    if (!encontrados.fecha && vistaPrevia.tipo === "lista" && !permitidaConOmisiones(vistaPrevia.datos)) encontrados.fecha = `No puede reprogramar a esa fecha: ${vistaPrevia.datos.razon}`;
    return encontrados;
  }

  /** Allowed, or blocked only by rules an admin chose to bypass. */
  function permitidaConOmisiones(d: Verificacion) {
    if (d.puede_reprogramar) return true;
    const violadas = d.reglas_violadas ?? [];
    const soloReglas = (d.motivos ?? []).length === violadas.length;
    return Boolean(personal) && soloReglas && violadas.every((v) => (opciones.bypass_reglas as string[]).includes(v.tipo_regla));
  }

  async function revisar(evento: React.FormEvent) {
    evento.preventDefault();
    let vistaPrevia = vistaActual;
    if (nuevaFechaIso && vistaPrevia.tipo !== "lista") {
      setRevisando(true);
      vistaPrevia = await consultarVista(nuevaFechaIso);
      setVista(vistaPrevia);
      setRevisando(false);
    }
    const encontrados = validar(vistaPrevia);
    if (!Object.keys(encontrados).length && vistaPrevia.tipo === "error") encontrados.general = vistaPrevia.mensaje;
    setErrores(encontrados);
    if (Object.keys(encontrados).length) return setEnfoque((n) => n + 1);
    setConfirmando(true);
  }

  function confirmar() {
    const huella = JSON.stringify(valores(""));
    if (!clave.current || !clave.current.incierta || clave.current.huella !== huella) clave.current = { valor: nuevaClave(), huella, incierta: false };
    const datos = new FormData();
    for (const [k, v] of valores(clave.current.valor)) datos.append(k, v);
    setConfirmando(false);
    setErrores({});
    startTransition(() => despachar(datos));
  }

  const largo = motivo.trim().length;
  const previa = vistaActual.tipo === "lista" ? vistaActual.datos : null;
  const sugerenciasDelEnvio = resultado && !resultado.ok ? resultado.sugerencias : [];

  return (
    <form onSubmit={revisar} noValidate className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]" aria-describedby="zona-formulario">
      <Card aria-labelledby="titulo-fecha">
        <CardHeader title="1. Elija la nueva fecha" titleId="titulo-fecha" />
        <p id="zona-formulario" className="mb-3 text-sm text-slate-700">
          Fechas y horas en hora de {zona}. {personal ? "La" : "Su"} reserva está el <strong>{formatearFechaHora(fechaActual, zona)}</strong>.
        </p>
        <CalendarioDisponibilidad calendario={calendario} seleccionada={fecha || null} mes={mes} onMesChange={setMes} onSeleccion={elegirFecha} />
        {diaElegido && !diaElegido.permitido && (
          <p className="mt-2 text-sm text-slate-800" data-testid="motivo-dia">{descripcionDia(diaElegido)}</p>
        )}
        {listaEspera && diaElegido && (diaElegido.lista_espera.disponible || entradaDelDia) && (
          <ListaEsperaDia key={diaElegido.fecha} reservaId={reservaId} dia={diaElegido.fecha} personas={diaElegido.lista_espera.personas} entrada={entradaDelDia}
            unirse={listaEspera.unirse} salir={listaEspera.salir} personal={Boolean(personal)} />
        )}
        <div className="mt-4 grid gap-3 sm:grid-cols-2">
          <Field id="fecha" label={`Fecha (${zona})`} error={errores.fecha}>
            {(p) => (
              <Input {...p} type="date" name="fecha" value={fecha} min={calendario.desde}
                onChange={(e) => { elegirFecha(e.target.value); if (e.target.value) setMes(enFechaLocal(e.target.value, 12, 0, zona)); }} />
            )}
          </Field>
          <Field id="hora" label={`Hora (${zona})`} error={errores.hora}>
            {(p) => <Input {...p} type="time" name="hora" value={hora} step={300} onChange={(e) => setHora(e.target.value)} />}
          </Field>
        </div>
      </Card>

      <div className="space-y-4">
        <Card aria-labelledby="titulo-vista" aria-live="polite">
          <CardHeader title="2. ¿Se puede?" titleId="titulo-vista" />
          <VistaPrevia estado={vistaActual} moneda={moneda} zona={zona} onElegir={elegirSugerencia} />
        </Card>

        <Card aria-labelledby="titulo-motivo">
          <CardHeader title={personal ? "3. Motivo y opciones" : "3. Cuéntenos el motivo"} titleId="titulo-motivo" />
          <Field id="motivo" label="Motivo" error={errores.motivo} hint={`Entre ${MOTIVO_MIN} y ${MOTIVO_MAX} caracteres.`}
            extra={<span className={`text-xs ${largo > MOTIVO_MAX || (largo > 0 && largo < MOTIVO_MIN) ? "text-red-800" : "text-slate-600"}`} data-testid="contador-motivo">{largo} / {MOTIVO_MAX}</span>}>
            {(p) => <Textarea {...p} name="motivo" rows={4} maxLength={MOTIVO_MAX + 50} value={motivo} onChange={(e) => setMotivo(e.target.value)} />}
          </Field>
          {personal && (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <OpcionesPersonal rol={personal.rol} valores={opciones} cambiar={(c) => setOpciones((o) => ({ ...o, ...c }))} errores={errores} total={total} moneda={moneda} />
            </div>
          )}
        </Card>

        {errores.general && (
          <div ref={errorGeneral} tabIndex={-1} data-testid="error-envio">
            <Alert tono="peligro" title="No se pudo reprogramar">{errores.general}</Alert>
          </div>
        )}
        {sugerenciasDelEnvio.length > 0 && <BotonesSugerencias sugerencias={sugerenciasDelEnvio} zona={zona} onElegir={elegirSugerencia} />}
        {reintento !== null && (
          <Alert tono="aviso">Reintentando… (intento {reintento + 1} de {REINTENTOS + 1}). No cierre esta página.</Alert>
        )}
        <Button type="submit" className="w-full" cargando={enviando || revisando} textoCargando={revisando ? "Verificando…" : reintento ? "Reintentando…" : "Reprogramando…"}>
          Revisar y confirmar
        </Button>
      </div>

      <Dialog open={confirmando} onOpenChange={setConfirmando} title="Confirme la reprogramación"
        description="Revise el cambio antes de confirmarlo."
        footer={
          <>
            <Button variante="secundario" onClick={() => setConfirmando(false)}>Volver</Button>
            <Button onClick={confirmar} data-testid="confirmar">Confirmar reprogramación</Button>
          </>
        }>
        <dl className="space-y-2 text-sm" data-testid="resumen">
          <Datum label="Fecha actual">{formatearFechaHora(fechaActual, zona)}</Datum>
          <Datum label="Nueva fecha">{nuevaFechaIso ? formatearFechaHora(nuevaFechaIso, zona) : "—"}</Datum>
          {!(personal && opciones.aplicar_descuento) && (
            <Datum label="Costo">
              {previa ? formatearMonto(previa.costos_estimados.costo_reprogramacion, moneda) : "—"} · Total: {formatearMonto(previa?.costos_estimados.total_estimado ?? total, moneda)}
            </Datum>
          )}
          {restantes !== null && (
            <Datum label="Reprogramaciones que le quedarán">{Math.max(restantes - 1, 0)}</Datum>
          )}
          <Datum label="Motivo" className="break-words">{motivo.trim()}</Datum>
          {personal && <ResumenPersonal opciones={opciones} total={total} moneda={moneda} />}
        </dl>
      </Dialog>
    </form>
  );
}

function ResumenPersonal({ opciones, total, moneda }: { opciones: ValoresPersonal; total: string; moneda: string }) {
  const descuento = opciones.aplicar_descuento ? vistaDescuento(total, opciones.porcentaje_descuento) : null;
  return (
    <>
      {descuento && (
        <Datum label="Descuento">
          {opciones.porcentaje_descuento} % = {formatearMonto(descuento.monto, moneda)} · Nuevo total: {formatearMonto(descuento.totalNuevo, moneda)}
        </Datum>
      )}
      {opciones.prioridad && <Datum label="Prioridad">{opciones.prioridad}</Datum>}
      {opciones.observaciones_internas.trim() && <Datum label="Nota interna" className="break-words">{opciones.observaciones_internas.trim()}</Datum>}
      <Datum label="Aviso al cliente">{opciones.notificar_cliente ? "Se le enviará un correo" : "Sin correo al cliente"}</Datum>
      {opciones.bypass_reglas.length > 0 && <Datum label="Reglas omitidas">{opciones.bypass_reglas.join(", ")}</Datum>}
      {opciones.valor_cupon && <Datum label="Cupones">{opciones.cupones} × {formatearMonto(opciones.valor_cupon.replace(",", "."), moneda)}</Datum>}
      {opciones.categoria_reprogramacion.trim() && <Datum label="Categoría">{opciones.categoria_reprogramacion.trim()}</Datum>}
      {opciones.observaciones_cliente.trim() && <Datum label="Mensaje para el cliente" className="break-words">{opciones.observaciones_cliente.trim()}</Datum>}
    </>
  );
}
