import Link from "next/link";
import { FormularioImportacion } from "@/components/admin/importacion/FormularioImportacion";
import { Card, CardHeader } from "@/components/ui/card";
import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";
import { formatearFechaCorta, zonaAgencia } from "@/lib/formato/fecha";
import { importacionesRecientes } from "@/lib/importacion/importar";

export const metadata = { title: "Importar reservas" };

const COLUMNAS: [string, string][] = [
  ["referencia", "Código de la reserva en su sistema (requerido, único). Con el mismo código, una nueva importación actualiza en vez de duplicar."],
  ["cliente_email, cliente_nombre, cliente_apellido", "El cliente (requeridos): se usa la cuenta con ese correo o se crea una, sin contraseña."],
  ["cliente_celular", "Opcional, por ejemplo +591 71234567."],
  ["destino", "Requerido."],
  ["fecha_inicio", "AAAA-MM-DD HH:mm en hora de la agencia, o ISO 8601 con zona (2027-03-15T08:30:00-04:00)."],
  ["total", "2400.00 o 2.400,00."],
  ["moneda", "Código ISO, BOB si se deja vacío."],
  ["servicios", "Opcional: tipo|descripción|precio, varios separados por punto y coma."],
  ["estado", "Opcional: CONFIRMADA (por defecto), CANCELADA o COMPLETADA."],
];

export default async function ImportarPage() {
  await actorDePagina(["ADMIN"], "/admin/importar");
  const zona = zonaAgencia();
  const recientes = await importacionesRecientes(prisma);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Importar reservas</h1>
        <p className="text-sm text-slate-700">Traiga las reservas de su sistema en un CSV. Pruebe primero: verá qué pasaría con cada fila sin guardar nada.</p>
      </div>
      <Card aria-labelledby="titulo-archivo">
        <CardHeader title="Archivo" titleId="titulo-archivo" />
        <FormularioImportacion zona={zona} />
      </Card>
      <Card aria-labelledby="titulo-formato">
        <CardHeader title="Formato del archivo" titleId="titulo-formato" />
        <p className="mb-3 text-sm">
          <a href="/api/admin/importaciones/plantilla" download className="text-blue-800 underline underline-offset-2">Descargar la plantilla CSV</a> con los encabezados y una fila de ejemplo.
          Las fechas se leen en hora de {zona}. Si una reserva se reprogramó aquí, su fecha no cambia con una importación: el informe la marca como conflicto.
        </p>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[minmax(0,16rem)_1fr]">
          {COLUMNAS.map(([c, texto]) => (
            <div key={c} className="contents">
              <dt className="font-mono text-xs break-words text-slate-900 sm:text-sm">{c}</dt>
              <dd className="text-slate-700">{texto}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card aria-labelledby="titulo-anteriores">
        <CardHeader title="Importaciones anteriores" titleId="titulo-anteriores" />
        {recientes.length === 0 ? <p className="text-sm text-slate-700">Todavía no hay importaciones.</p> : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="importaciones-anteriores">
            {recientes.map((i) => (
              <li key={i.id} className="flex flex-wrap justify-between gap-2 py-2">
                <Link href={`/admin/importar/${i.id}`} className="break-all text-blue-800 underline underline-offset-2">#{i.id} · {i.nombreArchivo}</Link>
                <span>{formatearFechaCorta(i.createdAt, zona)} · {i.creadas} creadas, {i.actualizadas} actualizadas, {i.errores} errores · {i.estado === "TERMINADA" ? "terminada" : `${i.procesadas} de ${i.total}`}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
