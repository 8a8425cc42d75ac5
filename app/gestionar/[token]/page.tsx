import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EnlaceRechazado, PaginaCuenta } from "@/components/auth/PaginaCuenta";
import { Button } from "@/components/ui/button";
import { Datum } from "@/components/ui/datum";
import { verEnlace } from "@/lib/cuenta/enlaces";
import { prisma } from "@/lib/db/client";
import { formatearFechaHora, zonaAgencia } from "@/lib/formato/fecha";
import { continuarGestionAccion } from "@/app/acceso/[token]/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Gestionar mi reserva", referrer: "no-referrer" };

// The landing of "Gestionar mi reserva": which trip it is, and a button. Opening it changes nothing
// and signs nobody in; "Continuar" opens a two-hour session for this reservation alone.
export default async function GestionarPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const visto = await verEnlace(prisma, token, "GESTION");
  if (!visto.ok && visto.motivo === "DESCONOCIDO") notFound();
  if (!visto.ok)
    return <EnlaceRechazado titulo="Este enlace ya no funciona" detalle="La fecha del viaje ya pasó o la reserva ya no admite cambios. Si necesita ayuda, escriba a la agencia." accion={{ href: "/login", texto: "Ir a iniciar sesión" }} />;
  const reserva = visto.enlace.reserva!;
  const zona = zonaAgencia();
  return (
    <PaginaCuenta titulo="Gestionar mi reserva" subtitulo={`Hola ${visto.enlace.usuario.nombre}, esta es la reserva del enlace.`}>
      <dl className="grid gap-3 rounded-md bg-slate-50 p-4 text-sm">
        <Datum label="Reserva">#{reserva.id} · {reserva.destino}</Datum>
        <Datum label="Fecha">{formatearFechaHora(reserva.fechaInicio, zona)}</Datum>
      </dl>
      <form action={continuarGestionAccion.bind(null, token)} className="mt-4">
        <Button type="submit" className="w-full">Continuar</Button>
      </form>
      <p className="mt-3 text-sm text-slate-700">Podrá ver esta reserva, cambiarle la fecha o unirse a una lista de espera durante 2 horas, sin contraseña.</p>
    </PaginaCuenta>
  );
}
