import Link from "next/link";
import { SalidasReserva } from "@/components/reservas/SalidasReserva";
import { salidasDeReserva } from "@/lib/reservas/salidas";
import { EstadoReserva } from "@/components/reservas/EstadoReserva";
import { HistorialReprogramaciones } from "@/components/reservas/HistorialReprogramaciones";
import { textoReprogramaciones } from "@/components/reservas/texto";
import { FormularioReprogramacion } from "@/components/reprogramacion/FormularioReprogramacion";
import { BotonActualizar } from "@/components/soporte/BotonActualizar";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { Datum } from "@/components/ui/datum";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { formatearFechaHora, zonaAgencia } from "@/lib/formato/fecha";
import { formatearMonto } from "@/lib/formato/dinero";
import { entregasDeReserva, hayEntregasEnCurso } from "@/lib/notificaciones/entregas-reserva";
import { calendarioDeReserva } from "@/lib/reprogramacion/calendario-reserva";
import { historialDeReserva } from "@/lib/reprogramacion/historial";
import { reprogramabilidades } from "@/lib/reprogramacion/reprogramable";
import { reservaDePagina } from "@/lib/reservas/pagina";
import { mostrarTelefono } from "@/lib/telefono";
import { EsperasReserva } from "@/components/reservas/EsperasReserva";
import { esperasDeReserva } from "@/lib/lista-espera/entradas";
import { FormularioContacto } from "@/components/perfil/FormularioContacto";
import { RevocarEnlaces } from "@/components/soporte/RevocarEnlaces";
import { enlacesGestionVigentes } from "@/lib/cuenta/enlaces";
import { aceptarOfertaComoPersonal, cancelarComoPersonal, transferirComoPersonal, cotizarCancelacionComoPersonal, guardarContactoDelCliente, reprogramarComoPersonal, revocarEnlacesDeReserva, salirListaEsperaComoPersonal, unirseListaEsperaComoPersonal } from "./actions";

export const metadata = { title: "Reserva · Soporte" };

export default async function EspacioReservaPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ reprogramada?: string }> }) {
  const { id } = await params;
  const actor = await actorDePagina(["OPERADOR", "ADMIN"], `/soporte/reservas/${id}`);
  const reserva = await reservaDePagina(prisma, actor, id);
  const zona = zonaAgencia();
  const [historial, entregas, verdictos, { entradas: esperas }, enlaces, salidas] = await Promise.all([
    historialDeReserva(prisma, actor, reserva.id),
    entregasDeReserva(prisma, reserva.id),
    reprogramabilidades(prisma, actor, [reserva]),
    esperasDeReserva(prisma, actor, reserva.id),
    enlacesGestionVigentes(prisma, reserva),
    salidasDeReserva(prisma, actor, reserva.id),
  ]);
  const verdicto = verdictos.get(reserva.id)!;
  const reprogramada = Number((await searchParams).reprogramada);
  const recien = historial.find((h) => h.id === reprogramada);
  const cliente = reserva.usuario;
  return (
    <div className="space-y-4">
      <nav aria-label="Ruta"><Link href="/soporte" className="text-sm text-blue-800 hover:underline">← Panel de soporte</Link></nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Reserva #{reserva.id} · {reserva.destino}</h1>
        <EstadoReserva estado={reserva.estado} />
      </div>
      {recien && (
        <Alert tono="exito" title="Reprogramación registrada">
          Nueva fecha: {formatearFechaHora(recien.fecha_nueva!, zona)} · Total: {formatearMonto(recien.total_nuevo!, reserva.moneda)}. El estado de cada aviso está en el historial.
          {recien.cupones.length > 0 && (
            <span className="mt-1 block" data-testid="cupones-generados">
              Cupones generados: {recien.cupones.map((c) => <strong key={c.codigo} className="mr-2 font-mono">{c.codigo}</strong>)}
            </span>
          )}
        </Alert>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="titulo-cliente">
          <CardHeader title="Cliente" titleId="titulo-cliente" />
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <Datum label="Nombre">{cliente.nombre} {cliente.apellido}</Datum>
            <Datum label="Nivel">{cliente.nivel ?? "—"}</Datum>
            <Datum label="Correo"><a href={`mailto:${cliente.email}`} className="break-all text-blue-800 underline">{cliente.email}</a></Datum>
            <Datum label="Celular">{cliente.telefono ? <a href={`tel:${cliente.telefono}`} className="text-blue-800 underline">{mostrarTelefono(cliente.telefono)}</a> : "—"}{cliente.telefono && !cliente.smsActivo ? " (sin SMS)" : ""}</Datum>
          </dl>
          <details className="mt-3 border-t border-slate-100 pt-3 text-sm">
            <summary className="cursor-pointer font-medium text-blue-800">Editar celular y avisos por SMS</summary>
            <div className="mt-3">
              <FormularioContacto key={`${cliente.telefono}-${cliente.smsActivo}`} telefono={cliente.telefono && mostrarTelefono(cliente.telefono)} smsActivo={cliente.smsActivo} guardar={guardarContactoDelCliente.bind(null, cliente.id)} personal />
            </div>
          </details>
          <RevocarEnlaces vigentes={enlaces} revocar={revocarEnlacesDeReserva.bind(null, reserva.id)} />
        </Card>

        <Card aria-labelledby="titulo-reserva">
          <CardHeader title="Reserva" titleId="titulo-reserva" />
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <Datum label="Fecha actual" testId="fecha-actual">{formatearFechaHora(reserva.fechaInicio, zona)}</Datum>
            <Datum label="Fecha original">{formatearFechaHora(reserva.fechaOriginal ?? reserva.fechaInicio, zona)}</Datum>
            <Datum label="Reprogramaciones">{textoReprogramaciones(verdicto)}</Datum>
            <Datum label="Total" testId="total" className="text-base font-semibold">{formatearMonto(reserva.total, reserva.moneda)}</Datum>
          </dl>
          <ul className="mt-3 divide-y divide-slate-100 border-t border-slate-100 text-sm">
            {reserva.servicios.map((s) => (
              <li key={s.id} className="flex justify-between gap-4 py-2">
                <span>{s.descripcion}</span>
                <span className="whitespace-nowrap">{formatearMonto(s.precio, reserva.moneda)}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>

      {esperas.length > 0 && (
        <Card aria-labelledby="titulo-esperas">
          <CardHeader title="Lista de espera" titleId="titulo-esperas" />
          <EsperasReserva reservaId={reserva.id} entradas={esperas} zona={zona} aceptar={aceptarOfertaComoPersonal} salir={salirListaEsperaComoPersonal} />
        </Card>
      )}

      <Card aria-labelledby="titulo-historial">
        <CardHeader title="Historial y notificaciones" titleId="titulo-historial" actions={<BotonActualizar automatico={hayEntregasEnCurso(entregas)} />} />
        <HistorialReprogramaciones entradas={historial} actorId={actor.id} moneda={reserva.moneda} entregas={entregas} zona={zona} />
      </Card>

      <SalidasReserva reservaId={reserva.id} moneda={reserva.moneda} zona={zona} salidas={salidas} esCliente={false} ajustable={actor.rol === "ADMIN"} cotizar={cotizarCancelacionComoPersonal} cancelar={cancelarComoPersonal} transferir={transferirComoPersonal} />

      <section aria-labelledby="titulo-reprogramar" className="space-y-3">
        <h2 id="titulo-reprogramar" className="text-xl font-semibold">Reprogramar en nombre del cliente</h2>
        {verdicto.puede || actor.rol === "ADMIN" ? (
          <>
            {!verdicto.puede && <Alert tono="aviso" title="Fuera de las reglas">{verdicto.motivo}. Como administrador puede omitir la regla indicando la razón.</Alert>}
            <FormularioReprogramacion
              // A new reschedule is a new form: nothing of the previous one stays filled in.
              key={`${reserva.fechaInicio.toISOString()}-${reserva.numeroReprogramaciones}`}
              reservaId={reserva.id}
              calendario={await calendarioDeReserva(prisma, actor, reserva.id)}
              fechaActual={reserva.fechaInicio.toISOString()}
              total={reserva.total.toFixed(2)}
              moneda={reserva.moneda}
              restantes={verdicto.restantes}
              enviar={reprogramarComoPersonal}
              rutaExito={`/soporte/reservas/${reserva.id}?reprogramada=`}
              personal={{ rol: actor.rol === "ADMIN" ? "ADMIN" : "OPERADOR" }}
              listaEspera={{ entradas: esperas, unirse: unirseListaEsperaComoPersonal, salir: salirListaEsperaComoPersonal }}
            />
          </>
        ) : (
          <Alert tono="aviso" title="No se puede reprogramar">{verdicto.motivo}. Un administrador puede hacerlo omitiendo la regla.</Alert>
        )}
      </section>
    </div>
  );
}
