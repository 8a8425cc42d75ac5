import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { saludAdministrativa } from "@/lib/salud/salud";

export const metadata = { title: "Administración" };

const SECCIONES = [
  { href: "/admin/reglas", titulo: "Reglas", texto: "Tiempo mínimo, límite de reprogramaciones, días no permitidos y feriados: crear, editar, activar y eliminar." },
  { href: "/admin/capacidad", titulo: "Capacidad por día", texto: "Lugares ocupados y disponibles por día; cupo de un día o el cupo por defecto." },
  { href: "/admin/configuracion", titulo: "Configuración de la agencia", texto: "Reembolsos, costos, validez de cupones y contacto de soporte." },
  { href: "/admin/reprogramaciones", titulo: "Reprogramación masiva", texto: "Mover muchas reservas a una fecha con prueba previa, progreso y resultado descargable." },
  { href: "/admin/importar", titulo: "Importar reservas", texto: "Traer las reservas de su sistema en un CSV: prueba sin guardar, importación con progreso e informe por fila." },
  { href: "/admin/reembolsos", titulo: "Reembolsos", texto: "Lo que las cancelaciones deben a los clientes: pendientes y pagados, marcar como pagado y CSV." },
  { href: "/admin/metricas", titulo: "Métricas de entrega", texto: "Tasa de entrega y latencia por canal, errores y volumen; entregas fallidas." },
  { href: "/soporte", titulo: "Soporte", texto: "Panel en vivo, búsqueda de reservas y reprogramación administrativa de una reserva." },
];

export default async function AdminPage() {
  await actorDePagina(["ADMIN"], "/admin");
  const salud = await saludAdministrativa(prisma);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Administración</h1>
      {salud.avisos.length > 0 && (
        <div className="mb-4" data-testid="aviso-salud">
          <Alert tono="aviso" title="Revise el estado del sistema">
            <ul className="list-disc pl-5">
              {salud.avisos.map((a) => (
                <li key={a.codigo}>{a.detalle}</li>
              ))}
            </ul>
            <p className="mt-1">
              Detalle técnico en <Link href="/api/admin/salud" prefetch={false} className="underline underline-offset-2">/api/admin/salud</Link>; las entregas fallidas, en{" "}
              <Link href="/admin/metricas" className="underline underline-offset-2">Métricas de entrega</Link>.
            </p>
          </Alert>
        </div>
      )}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {SECCIONES.map((s) => (
          <li key={s.href}>
            <Card className="h-full">
              <h2 className="font-semibold"><Link href={s.href} className="text-blue-800 underline underline-offset-2">{s.titulo}</Link></h2>
              <p className="mt-1 text-sm text-slate-700">{s.texto}</p>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
