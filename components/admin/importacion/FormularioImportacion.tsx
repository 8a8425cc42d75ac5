"use client";
// Upload a CSV, see the dry run (nothing is written), then import it: the run continues on the
// server and the page follows it. Both steps post the same form to POST /api/admin/importaciones/.
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import type { FilaInforme, ResumenImportacion } from "@/lib/api/respuestas";
import { InformeImportacion } from "./InformeImportacion";
import { Casilla } from "@/components/ui/input";

interface Prueba {
  /** The file the dry run read: importing another one needs its own dry run first. */
  archivo: File;
  total: number;
  resumen: ResumenImportacion;
  filas: FilaInforme[];
}

const MEGAS = 5;

async function enviar(archivo: File, simulacion: boolean, enviarBienvenida: boolean) {
  const formulario = new FormData();
  formulario.set("archivo", archivo);
  formulario.set("simulacion", String(simulacion));
  formulario.set("enviar_bienvenida", String(enviarBienvenida));
  const r = await fetch("/api/admin/importaciones/", { method: "POST", body: formulario });
  const cuerpo = await r.json().catch(() => ({ detail: "El servidor no respondió como se esperaba. Intente nuevamente." }));
  return r.ok ? { ok: true as const, cuerpo } : { ok: false as const, detalle: String(cuerpo.detail ?? "No se pudo leer el archivo.") };
}

export function FormularioImportacion({ zona }: { zona: string }) {
  const router = useRouter();
  const entrada = useRef<HTMLInputElement>(null);
  const [archivo, setArchivo] = useState<File | null>(null);
  const [bienvenida, setBienvenida] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [prueba, setPrueba] = useState<Prueba | null>(null);
  const [confirmando, setConfirmando] = useState(false);
  const [probando, iniciarPrueba] = useTransition();
  const [importando, iniciarImportacion] = useTransition();
  const vigente = prueba && prueba.archivo === archivo ? prueba : null;
  const aplicables = vigente ? vigente.total - vigente.resumen.errores : 0;

  function elegir(f: File | null) {
    setArchivo(f);
    setError(f && f.size > MEGAS * 1024 * 1024 ? `El archivo pesa más de ${MEGAS} MB. Divídalo en partes de hasta 20.000 filas.` : null);
  }

  function probar() {
    if (!archivo) {
      setError("Elija el archivo CSV.");
      entrada.current?.focus();
      return;
    }
    iniciarPrueba(async () => {
      const r = await enviar(archivo, true, bienvenida);
      if (!r.ok) {
        setError(r.detalle);
        setPrueba(null);
        entrada.current?.focus();
        return;
      }
      setError(null);
      setPrueba({ archivo, ...r.cuerpo });
    });
  }

  function importar() {
    if (!vigente) return;
    iniciarImportacion(async () => {
      const r = await enviar(vigente.archivo, false, bienvenida);
      if (!r.ok) {
        setConfirmando(false);
        setError(r.detalle);
        return;
      }
      router.push(`/admin/importar/${r.cuerpo.id}`);
    });
  }

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
        <Field id="archivo" label="Archivo CSV" hint={`UTF-8, separado por coma o punto y coma; hasta ${MEGAS} MB y 20.000 filas.`} error={error}>
          {(p) => (
            <input
              {...p}
              ref={entrada}
              type="file"
              name="archivo"
              accept=".csv,text/csv"
              onChange={(e) => elegir(e.target.files?.[0] ?? null)}
              className="block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1"
            />
          )}
        </Field>
        <Button variante="secundario" onClick={probar} cargando={probando} textoCargando="Leyendo el archivo…">Probar sin guardar</Button>
      </div>
      <label className="flex min-h-11 items-start gap-3 text-sm">
        <Casilla checked={bienvenida} onChange={(e) => setBienvenida(e.target.checked)} className="mt-0.5 size-5" />
        <span>Enviar a los clientes nuevos el correo de bienvenida con sus enlaces «Gestionar mi reserva»<span className="block text-slate-600">Solo a los que esta importación crea; una vez cada uno.</span></span>
      </label>
      {vigente && (
        <section aria-labelledby="titulo-prueba" className="space-y-3">
          <h3 id="titulo-prueba" className="text-lg font-semibold">Prueba de «{vigente.archivo.name}»: {vigente.total} filas, nada se guardó</h3>
          <InformeImportacion resumen={vigente.resumen} filas={vigente.filas} modo="prueba" zona={zona} />
          {aplicables > 0 ? (
            <Button onClick={() => setConfirmando(true)}>Importar {aplicables} filas</Button>
          ) : (
            <Alert tono="aviso">Ninguna fila se puede importar: corrija los errores en su planilla y pruebe de nuevo.</Alert>
          )}
        </section>
      )}
      <Dialog
        open={confirmando}
        onOpenChange={setConfirmando}
        title="¿Importar el archivo?"
        description={vigente ? `Se crearán ${vigente.resumen.creadas} reservas y se actualizarán ${vigente.resumen.actualizadas}; ${vigente.resumen.errores} filas con errores no se importan.${bienvenida ? " Los clientes nuevos recibirán la bienvenida por correo." : ""}` : undefined}
        footer={
          <>
            <Button variante="secundario" onClick={() => setConfirmando(false)} disabled={importando}>Cancelar</Button>
            <Button onClick={importar} cargando={importando} textoCargando="Enviando…">Sí, importar</Button>
          </>
        }
      >
        <p className="text-sm text-slate-700">La importación sigue en el servidor aunque cierre la página; el mismo archivo otra vez no duplica nada.</p>
      </Dialog>
    </div>
  );
}
