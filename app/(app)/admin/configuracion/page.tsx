import { FormularioConfiguracion } from "@/components/admin/FormularioConfiguracion";
import { Alert } from "@/components/ui/alert";
import { leerConfiguracion } from "@/lib/agencia/configuracion";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { zonaAgencia } from "@/lib/formato/fecha";
import { guardarConfiguracion } from "./actions";

export const metadata = { title: "Configuración" };

export default async function ConfiguracionPage() {
  await actorDePagina(["ADMIN"], "/admin/configuracion");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Configuración de la agencia</h1>
      <Alert tono="info">Zona horaria: <strong>{zonaAgencia()}</strong>. Se fija con la variable de entorno AGENCIA_TZ al desplegar.</Alert>
      <FormularioConfiguracion inicial={await leerConfiguracion(prisma)} guardar={guardarConfiguracion} />
    </div>
  );
}
