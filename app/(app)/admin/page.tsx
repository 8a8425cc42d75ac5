import { actorDePagina } from "@/lib/auth/pagina";
import { prisma } from "@/lib/db/client";

export const metadata = { title: "Administración" };

export default async function AdminPage() {
  await actorDePagina(["ADMIN"], "/admin");
  const reglas = await prisma.reglaReprogramacion.findMany({ orderBy: [{ tipoRegla: "asc" }, { prioridad: "asc" }] });
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Administración</h1>
      <h2 className="mb-2 text-lg font-medium">Reglas de reprogramación</h2>
      {reglas.length === 0 ? (
        <p className="text-slate-600">No hay reglas configuradas.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200">
          {reglas.map((r) => (
            <li key={r.id} className="flex justify-between gap-4 px-4 py-2">
              <span><span className="font-medium">{r.nombre}</span> <span className="text-slate-500">· {r.tipoRegla}</span></span>
              <span className={r.activa ? "text-green-700" : "text-slate-500"}>{r.activa ? "Activa" : "Inactiva"}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
