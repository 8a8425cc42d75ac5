// One person: their data, the edit form, deactivate/reactivate, a pending invitation, and the audit.
import Link from "next/link";
import { AccionesUsuario } from "@/components/admin/usuarios/AccionesUsuario";
import { FormularioUsuario } from "@/components/admin/usuarios/FormularioUsuario";
import { NOMBRE_ROL } from "@/lib/auth/roles";
import { Card, CardHeader } from "@/components/ui/card";
import { Datum } from "@/components/ui/datum";
import { actorDePagina, oPagina404 } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { formatearFechaHora, zonaAgencia } from "@/lib/formato/fecha";
import { idDeRuta } from "@/lib/http/api";
import { mostrarTelefono } from "@/lib/telefono";
import { auditoriaDe, obtenerUsuario } from "@/lib/usuarios/gestion";
import { cambiarEstadoAccion, editarUsuarioAccion, reenviarInvitacionAccion } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Usuario" };

const ACCIONES: Record<string, string> = {
  CREADO: "Cuenta creada",
  ACTUALIZADO: "Datos cambiados",
  INVITACION_REENVIADA: "Invitación reenviada",
  CONTRASENA_ESTABLECIDA: "Eligió su contraseña (invitación)",
  CONTRASENA_CAMBIADA: "Cambió su contraseña",
  CONTRASENA_RESTABLECIDA: "Restableció su contraseña",
};
const CAMPOS: Record<string, string> = { nombre: "Nombre", apellido: "Apellido", rol: "Rol", activo: "Estado", departamento: "Departamento", telefono: "Celular", email: "Correo" };

const mostrar = (campo: string, v: unknown) => (v === null || v === undefined || v === "" ? "—" : campo === "activo" ? (v ? "activo" : "desactivado") : campo === "rol" ? NOMBRE_ROL[v as keyof typeof NOMBRE_ROL] ?? String(v) : String(v));

export default async function UsuarioPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ creado?: string }> }) {
  const { id: texto } = await params;
  await actorDePagina(["ADMIN"], `/admin/usuarios/${texto}`);
  const id = await oPagina404(Promise.resolve().then(() => idDeRuta(texto, "El usuario")));
  const [usuario, auditoria] = await Promise.all([oPagina404(obtenerUsuario(prisma, id)), auditoriaDe(prisma, id)]);
  const { creado } = await searchParams;
  const zona = zonaAgencia();
  const nombre = `${usuario.nombre} ${usuario.apellido}`;
  const invitacionPendiente = usuario.rol !== "CLIENTE" && !usuario.passwordHash;
  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm"><Link href="/admin/usuarios" className="text-blue-800 underline">← Usuarios</Link></p>
      <h1 className="text-2xl font-semibold">{nombre}</h1>
      {creado && <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">Usuario creado. {usuario.rol === "CLIENTE" ? "Le enviamos un correo de bienvenida." : "Le enviamos la invitación para elegir su contraseña."}</p>}
      <Card aria-labelledby="titulo-estado">
        <CardHeader title="Acceso" titleId="titulo-estado" />
        <dl className="mb-4 grid gap-3 text-sm sm:grid-cols-3">
          <Datum label="Correo"><span className="break-all">{usuario.email}</span></Datum>
          <Datum label="Rol">{NOMBRE_ROL[usuario.rol]}</Datum>
          <Datum label="Estado" testId="estado-usuario">{usuario.activo ? (invitacionPendiente ? "Activo · invitación pendiente" : "Activo") : "Desactivado"}</Datum>
        </dl>
        <AccionesUsuario nombre={nombre} activo={usuario.activo} invitacionPendiente={invitacionPendiente} cambiarEstado={cambiarEstadoAccion.bind(null, id)} reenviar={reenviarInvitacionAccion.bind(null, id)} />
      </Card>
      <Card aria-labelledby="titulo-datos">
        <CardHeader title="Datos" titleId="titulo-datos" />
        <FormularioUsuario
          key={usuario.updatedAt.toISOString()}
          accion={editarUsuarioAccion.bind(null, id)}
          valores={{ nombre: usuario.nombre, apellido: usuario.apellido, rol: usuario.rol, departamento: usuario.departamento, telefono: usuario.telefono && mostrarTelefono(usuario.telefono) }}
          boton="Guardar cambios"
        />
        <p className="mt-3 text-sm text-slate-700">Cambiar el rol cierra sus sesiones: al volver a ingresar tendrá el rol nuevo.</p>
      </Card>
      <Card aria-labelledby="titulo-auditoria">
        <CardHeader title="Cambios en la cuenta" titleId="titulo-auditoria" />
        <ol className="space-y-3 text-sm" data-testid="auditoria-usuario">
          {auditoria.map((a) => {
            const cambios = Object.entries(a.cambios as Record<string, { antes?: unknown; despues?: unknown } | unknown>);
            return (
              <li key={a.id} className="border-l-2 border-slate-300 pl-3">
                <p className="font-medium">{ACCIONES[a.accion] ?? a.accion}</p>
                <p className="text-slate-700">{formatearFechaHora(a.createdAt, zona)} · {a.actor ? `por ${a.actor.nombre} ${a.actor.apellido}` : "por la propia persona"}</p>
                {a.accion === "ACTUALIZADO" && (
                  <ul className="mt-1 list-disc pl-5 text-slate-800">
                    {cambios.map(([campo, c]) => {
                      const { antes, despues } = c as { antes: unknown; despues: unknown };
                      return <li key={campo}>{CAMPOS[campo] ?? campo}: {mostrar(campo, antes)} → {mostrar(campo, despues)}</li>;
                    })}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      </Card>
    </div>
  );
}
