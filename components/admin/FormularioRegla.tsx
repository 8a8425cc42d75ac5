"use client";
// Create or edit a rule with every seed 003 §6 field as a structured form: the value by type (hours,
// count, weekday boxes plus FERIADOS), validity dates in the agency zone, extra conditions as fields,
// local holidays as a list. It builds the API's JSON body; the server checks it with the API's schema
// and its field errors come back next to the fields here.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Casilla, Input, Select, Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import type { ResultadoAccion } from "@/lib/http/accion";
import { enFechaLocal, fechaLocal } from "@/lib/reprogramacion/calendario";
import { CLAVES_POLITICA, condicionesDePolitica, EditorPolitica, estadoInicialPolitica, TIPOS_POLITICA, type TipoPolitica } from "./EditorPolitica";
import { APLICABLE, TIPOS } from "./ListaReglas";

const DIAS = ["LUNES", "MARTES", "MIERCOLES", "JUEVES", "VIERNES", "SABADO", "DOMINGO"] as const;
const NOMBRE_DIA: Record<string, string> = { LUNES: "Lunes", MARTES: "Martes", MIERCOLES: "Miércoles", JUEVES: "Jueves", VIERNES: "Viernes", SABADO: "Sábado", DOMINGO: "Domingo", FERIADOS: "Feriados nacionales" };
const NIVELES = ["SILVER", "GOLD", "PLATINUM"] as const;

export interface ReglaEditable {
  id?: number;
  nombre: string;
  tipo_regla: keyof typeof TIPOS;
  aplicable_a: string;
  valor_numerico: number | null;
  valor_texto: string | null;
  activa: boolean;
  prioridad: number;
  mensaje_error: string;
  fecha_inicio_vigencia: string | null;
  fecha_fin_vigencia: string | null;
  condiciones_extras: Record<string, unknown>;
}

export const REGLA_NUEVA: ReglaEditable = {
  nombre: "",
  tipo_regla: "TIEMPO_MINIMO",
  aplicable_a: "TODOS",
  valor_numerico: 24,
  valor_texto: null,
  activa: true,
  prioridad: 10,
  mensaje_error: "",
  fecha_inicio_vigencia: null,
  fecha_fin_vigencia: null,
  condiciones_extras: {},
};

/** API field → the id of the input that shows its error. */
function campoDeError(campo: string): string {
  if (campo.startsWith("condiciones_extras.incluir_feriados_locales")) return "feriados_locales";
  if (campo.startsWith("condiciones_extras.")) return campo.slice("condiciones_extras.".length);
  return campo;
}

export function FormularioRegla({ inicial, zona, guardar }: { inicial: ReglaEditable; zona: string; guardar: (id: number | null, cuerpo: unknown) => Promise<ResultadoAccion<{ id: number }>> }) {
  const router = useRouter();
  const c = inicial.condiciones_extras;
  const [nombre, setNombre] = useState(inicial.nombre);
  const [tipo, setTipo] = useState(inicial.tipo_regla);
  const [aplicable, setAplicable] = useState(inicial.aplicable_a);
  const [numero, setNumero] = useState(inicial.valor_numerico?.toString() ?? "");
  const [dias, setDias] = useState<string[]>(inicial.valor_texto ? inicial.valor_texto.split(",") : ["SABADO", "DOMINGO"]);
  const [activa, setActiva] = useState(inicial.activa);
  const [prioridad, setPrioridad] = useState(String(inicial.prioridad));
  const [mensaje, setMensaje] = useState(inicial.mensaje_error);
  const [desde, setDesde] = useState(inicial.fecha_inicio_vigencia ? fechaLocal(new Date(inicial.fecha_inicio_vigencia), zona) : "");
  const [hasta, setHasta] = useState(inicial.fecha_fin_vigencia ? fechaLocal(new Date(inicial.fecha_fin_vigencia), zona) : "");
  const [soloVip, setSoloVip] = useState(c.solo_clientes_vip === true);
  const [nivel, setNivel] = useState(typeof c.nivel_minimo === "string" ? c.nivel_minimo : "");
  const [excluirNacionales, setExcluirNacionales] = useState(c.excluir_feriados_nacionales !== false);
  const [emergencias, setEmergencias] = useState(c.excepciones_emergencia === true);
  const [locales, setLocales] = useState<string[]>(Array.isArray(c.incluir_feriados_locales) ? c.incluir_feriados_locales.map(String) : []);
  const [nuevoLocal, setNuevoLocal] = useState("");
  const [politica, setPolitica] = useState(() => estadoInicialPolitica(inicial.tipo_regla, c));
  const esPolitica = (TIPOS_POLITICA as string[]).includes(tipo);
  const [errores, setErrores] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [guardando, iniciar] = useTransition();

  function cuerpo() {
    const condiciones: Record<string, unknown> = { ...c };
    for (const k of ["solo_clientes_vip", "nivel_minimo", "excluir_feriados_nacionales", "incluir_feriados_locales", "excepciones_emergencia", ...CLAVES_POLITICA]) delete condiciones[k];
    if (esPolitica) Object.assign(condiciones, condicionesDePolitica(tipo as TipoPolitica, politica));
    if (soloVip) condiciones.solo_clientes_vip = true;
    if (nivel) condiciones.nivel_minimo = nivel;
    if (tipo === "DIA_BLACKOUT") {
      condiciones.excluir_feriados_nacionales = excluirNacionales;
      if (locales.length) condiciones.incluir_feriados_locales = [...locales].sort();
      if (emergencias) condiciones.excepciones_emergencia = true;
    }
    const entero = (v: string) => (v.trim() === "" ? null : /^-?\d+$/.test(v.trim()) ? Number(v) : v);
    return {
      nombre,
      tipo_regla: tipo,
      aplicable_a: aplicable,
      valor_numerico: tipo === "DIA_BLACKOUT" || esPolitica ? null : entero(numero),
      valor_texto: tipo === "DIA_BLACKOUT" ? [...DIAS, "FERIADOS"].filter((d) => dias.includes(d)).join(",") : null,
      activa,
      prioridad: entero(prioridad),
      mensaje_error: mensaje,
      fecha_inicio_vigencia: desde ? enFechaLocal(desde, 0, 0, zona).toISOString() : null,
      // The whole last day is inside the window.
      fecha_fin_vigencia: hasta ? new Date(enFechaLocal(hasta, 24, 0, zona).getTime() - 1000).toISOString() : null,
      condiciones_extras: condiciones,
    };
  }

  function enviar(e: React.FormEvent) {
    e.preventDefault();
    iniciar(async () => {
      const r = await guardar(inicial.id ?? null, cuerpo());
      if (r.ok) {
        toast.success(inicial.id ? "Regla guardada" : "Regla creada");
        router.push("/admin/reglas");
        return;
      }
      const porCampo = Object.fromEntries(Object.entries(r.campos).map(([k, v]) => [campoDeError(k), v]));
      setErrores(porCampo);
      setGeneral(r.detail);
      toast.error("No se pudo guardar la regla", { description: r.detail });
      const primero = ["nombre", "tipo_regla", "aplicable_a", "valor_numerico", "valor_texto", "prioridad", "mensaje_error", "fecha_inicio_vigencia", "fecha_fin_vigencia", "nivel_minimo", "feriados_locales", "costo_fijo", "costo", "hasta_horas"].find((k) => porCampo[k]) ?? Object.keys(porCampo).find((k) => k.startsWith("tramos."));
      const id = primero === "valor_texto" ? "dia-LUNES" : primero?.replace(/\.(porcentaje|monto)$/, ".valor") ?? "";
      document.getElementById(id)?.focus();
    });
  }

  function agregarLocal() {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(nuevoLocal)) return setErrores((e) => ({ ...e, feriados_locales: "Elija una fecha" }));
    if (!locales.includes(nuevoLocal)) setLocales([...locales, nuevoLocal].sort());
    setNuevoLocal("");
    setErrores((e) => ({ ...e, feriados_locales: "" }));
  }

  const e = (k: string) => errores[k] || undefined;
  return (
    <form onSubmit={enviar} noValidate className="space-y-4">
      {general && <Alert tono="peligro" title="Revise los datos">{general}</Alert>}
      <Card aria-labelledby="titulo-regla">
        <CardHeader title="La regla" titleId="titulo-regla" />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="nombre" label="Nombre" error={e("nombre")}>{(p) => <Input {...p} value={nombre} onChange={(x) => setNombre(x.target.value)} />}</Field>
          <Field id="tipo_regla" label="Tipo" error={e("tipo_regla")}>
            {(p) => (
              <Select
                {...p}
                value={tipo}
                onChange={(x) => {
                  const nuevo = x.target.value as ReglaEditable["tipo_regla"];
                  setTipo(nuevo);
                  if ((TIPOS_POLITICA as string[]).includes(nuevo) && nuevo !== tipo) setPolitica(estadoInicialPolitica(nuevo, {}));
                }}
              >
                {Object.entries(TIPOS).map(([v, t]) => <option key={v} value={v}>{t}</option>)}
              </Select>
            )}
          </Field>
          <Field id="aplicable_a" label="Se aplica a" error={e("aplicable_a")}>
            {(p) => (
              <Select {...p} value={aplicable} onChange={(x) => setAplicable(x.target.value)}>
                {Object.entries(APLICABLE).map(([v, t]) => <option key={v} value={v}>{t}</option>)}
              </Select>
            )}
          </Field>
          <Field id="prioridad" label="Prioridad" hint="La de número más bajo decide entre reglas del mismo tipo." error={e("prioridad")}>
            {(p) => <Input {...p} inputMode="numeric" value={prioridad} onChange={(x) => setPrioridad(x.target.value)} />}
          </Field>
          {esPolitica ? null : tipo !== "DIA_BLACKOUT" ? (
            <Field id="valor_numerico" label={tipo === "TIEMPO_MINIMO" ? "Horas de anticipación" : "Máximo de reprogramaciones"} error={e("valor_numerico")}>
              {(p) => <Input {...p} inputMode="numeric" value={numero} onChange={(x) => setNumero(x.target.value)} />}
            </Field>
          ) : (
            <fieldset className="sm:col-span-2" aria-describedby={e("valor_texto") ? "valor_texto-error" : undefined}>
              <legend className="mb-1 text-sm font-medium">Días no permitidos</legend>
              <div className="flex flex-wrap gap-x-4">
                {[...DIAS, "FERIADOS"].map((d) => (
                  <label key={d} className="flex min-h-11 items-center gap-2 text-sm">
                    <Casilla id={`dia-${d}`} checked={dias.includes(d)} onChange={(x) => setDias(x.target.checked ? [...dias, d] : dias.filter((v) => v !== d))} />
                    {NOMBRE_DIA[d]}
                  </label>
                ))}
              </div>
              {e("valor_texto") && <p id="valor_texto-error" className="text-sm font-medium text-red-800">{e("valor_texto")}</p>}
            </fieldset>
          )}
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <Casilla checked={activa} onChange={(x) => setActiva(x.target.checked)} /> Activa
          </label>
          <div className="sm:col-span-2">
            <Field id="mensaje_error" label={esPolitica ? "Mensaje cuando la política no lo permite" : "Mensaje para quien no cumple la regla"} error={e("mensaje_error")}>
              {(p) => <Textarea {...p} rows={2} value={mensaje} onChange={(x) => setMensaje(x.target.value)} />}
            </Field>
          </div>
        </div>
      </Card>

      {esPolitica && (
        <Card aria-labelledby="titulo-politica">
          <CardHeader title={TIPOS[tipo]} titleId="titulo-politica" />
          <EditorPolitica tipo={tipo as TipoPolitica} valor={politica} cambiar={setPolitica} errores={errores} />
        </Card>
      )}

      <Card aria-labelledby="titulo-vigencia">
        <CardHeader title={`Vigencia (${zona})`} titleId="titulo-vigencia" />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="fecha_inicio_vigencia" label="Desde" hint="Vacío: desde siempre." error={e("fecha_inicio_vigencia")}>
            {(p) => <Input {...p} type="date" value={desde} onChange={(x) => setDesde(x.target.value)} />}
          </Field>
          <Field id="fecha_fin_vigencia" label="Hasta (incluido)" hint="Vacío: sin fin." error={e("fecha_fin_vigencia")}>
            {(p) => <Input {...p} type="date" value={hasta} onChange={(x) => setHasta(x.target.value)} />}
          </Field>
        </div>
      </Card>

      <Card aria-labelledby="titulo-condiciones">
        <CardHeader title="Condiciones extra" titleId="titulo-condiciones" />
        <div className="grid gap-4 sm:grid-cols-2">
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <Casilla checked={soloVip} onChange={(x) => setSoloVip(x.target.checked)} /> Solo clientes VIP
          </label>
          <Field id="nivel_minimo" label="Nivel mínimo del cliente" error={e("nivel_minimo")}>
            {(p) => (
              <Select {...p} value={nivel} onChange={(x) => setNivel(x.target.value)}>
                <option value="">Cualquiera</option>
                {NIVELES.map((n) => <option key={n} value={n}>{n}</option>)}
              </Select>
            )}
          </Field>
          {tipo === "DIA_BLACKOUT" && (
            <>
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <Casilla checked={excluirNacionales} onChange={(x) => setExcluirNacionales(x.target.checked)} /> Bloquear feriados nacionales (con «Feriados nacionales» marcado)
              </label>
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <Casilla checked={emergencias} onChange={(x) => setEmergencias(x.target.checked)} /> Excepciones por emergencia
              </label>
              <div className="space-y-2 sm:col-span-2">
                <Field id="feriados_locales" label="Feriados locales" hint="Se bloquean con «Feriados nacionales» marcado." error={e("feriados_locales")}>
                  {(p) => (
                    <div className="flex gap-2">
                      <Input {...p} type="date" value={nuevoLocal} onChange={(x) => setNuevoLocal(x.target.value)} className="max-w-52" />
                      <Button variante="secundario" onClick={agregarLocal}>Agregar</Button>
                    </div>
                  )}
                </Field>
                {locales.length > 0 && (
                  <ul className="flex flex-wrap gap-2" aria-label="Feriados locales agregados">
                    {locales.map((d) => (
                      <li key={d} className="flex items-center gap-1 rounded-full bg-slate-100 py-1 pl-3 pr-1 text-sm">
                        {d}
                        <button type="button" className="rounded-full px-2 py-0.5 text-red-800 hover:bg-red-50" aria-label={`Quitar ${d}`} onClick={() => setLocales(locales.filter((v) => v !== d))}>×</button>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </>
          )}
        </div>
      </Card>

      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" cargando={guardando} textoCargando="Guardando…">{inicial.id ? "Guardar cambios" : "Crear regla"}</Button>
        <ButtonLink href="/admin/reglas" variante="secundario">Cancelar</ButtonLink>
      </div>
    </form>
  );
}
