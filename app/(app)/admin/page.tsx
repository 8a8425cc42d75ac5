import Link from "next/link";
import { Card } from "@/components/ui/card";
import { actorDePagina } from "@/lib/auth/pagina";

export const metadata = { title: "Administración" };

const SECCIONES = [
  { href: "/admin/reglas", titulo: "Reglas", texto: "Tiempo mínimo, límite de reprogramaciones, días no permitidos y feriados: crear, editar, activar y eliminar." },
  { href: "/admin/capacidad", titulo: "Capacidad por día", texto: "Lugares ocupados y disponibles por día; cupo de un día o el cupo por defecto." },
  { href: "/admin/configuracion", titulo: "Configuración de la agencia", texto: "Reembolsos, costos, validez de cupones y contacto de soporte." },
  { href: "/admin/reprogramaciones", titulo: "Reprogramación masiva", texto: "Mover muchas reservas a una fecha con prueba previa, progreso y resultado descargable." },
  { href: "/admin/metricas", titulo: "Métricas de entrega", texto: "Tasa de entrega y latencia por canal, errores y volumen; entregas fallidas." },
  { href: "/soporte", titulo: "Soporte", texto: "Panel en vivo, búsqueda de reservas y reprogramación administrativa de una reserva." },
];

export default async function AdminPage() {
  await actorDePagina(["ADMIN"], "/admin");
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Administración</h1>
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
