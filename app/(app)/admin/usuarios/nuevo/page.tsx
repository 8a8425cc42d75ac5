import { FormularioUsuario } from "@/components/admin/usuarios/FormularioUsuario";
import { Card } from "@/components/ui/card";
import { actorDePagina } from "@/lib/auth/pagina";
import { crearUsuarioAccion } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Nuevo usuario" };

export default async function NuevoUsuarioPage() {
  await actorDePagina(["ADMIN"], "/admin/usuarios/nuevo");
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">Nuevo usuario</h1>
      <p className="text-sm text-slate-700">El personal recibe por correo una invitación para elegir su contraseña (vale 72 horas). Un cliente recibe una bienvenida: ingresa sin contraseña con los enlaces de sus correos.</p>
      <Card><FormularioUsuario accion={crearUsuarioAccion} boton="Crear usuario" /></Card>
    </div>
  );
}
