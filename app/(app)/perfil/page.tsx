// The client's profile: who they are and how the agency reaches them (email always, SMS optionally).
import { FormularioContacto } from "@/components/perfil/FormularioContacto";
import { Card, CardHeader } from "@/components/ui/card";
import { Datum } from "@/components/ui/datum";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { mostrarTelefono } from "@/lib/telefono";
import { guardarMiContacto } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mi perfil" };

export default async function PerfilPage() {
  const actor = await actorDePagina(["CLIENTE"], "/perfil");
  const usuario = await prisma.usuario.findUniqueOrThrow({ where: { id: actor.id }, select: { nombre: true, apellido: true, email: true, telefono: true, smsActivo: true } });
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">Mi perfil</h1>
      <Card aria-labelledby="titulo-datos">
        <CardHeader title="Sus datos" titleId="titulo-datos" />
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <Datum label="Nombre">{usuario.nombre} {usuario.apellido}</Datum>
          <Datum label="Correo (avisos por correo)"><span className="break-all">{usuario.email}</span></Datum>
        </dl>
      </Card>
      <Card aria-labelledby="titulo-sms">
        <CardHeader title="Avisos por SMS" titleId="titulo-sms" />
        {/* Keyed on the stored values: after saving, the form shows the number as stored (normalised). */}
        <FormularioContacto key={`${usuario.telefono}-${usuario.smsActivo}`} telefono={usuario.telefono && mostrarTelefono(usuario.telefono)} smsActivo={usuario.smsActivo} guardar={guardarMiContacto} />
      </Card>
    </div>
  );
}
