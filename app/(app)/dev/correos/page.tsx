// Development mailbox: what the product would have emailed, rendered as the recipient sees it.
import Link from "next/link";
import { notFound } from "next/navigation";
import { actorDePagina } from "@/lib/auth/pagina";
import { ROLES_STAFF } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { formatearFechaCorta, zonaAgencia } from "@/lib/formato/fecha";
import { buzonVisible, correosDelBuzon } from "@/lib/notificaciones/correo/buzon";

export const dynamic = "force-dynamic";
export const metadata = { title: "Correos de desarrollo" };

export default async function CorreosPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  await actorDePagina(ROLES_STAFF, "/dev/correos");
  if (!buzonVisible()) notFound();
  const { id } = await searchParams;
  const { correos, abierto } = await correosDelBuzon(prisma, /^\d{1,9}$/.test(id ?? "") ? Number(id) : undefined);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Correos de desarrollo</h1>
      <p className="mb-4 text-slate-600">Sin RESEND_API_KEY, los correos se guardan aquí en lugar de enviarse; sin Twilio configurado, también los SMS. Se muestran los 50 más recientes.</p>
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        {correos.length === 0 ? (
          <p className="rounded-lg bg-white p-6 text-slate-600 ring-1 ring-slate-200">Todavía no hay correos. Reprograme una reserva para ver el primero.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200" data-testid="buzon">
            {correos.map((c) => (
              <li key={c.id}>
                <Link href={`/dev/correos?id=${c.id}`} aria-current={abierto?.id === c.id ? "true" : undefined} className={`block px-3 py-2 text-sm hover:bg-slate-50 ${abierto?.id === c.id ? "bg-blue-50" : ""}`}>
                  <span className="block font-medium">{c.canal === "SMS" ? <><span className="mr-1 rounded bg-slate-200 px-1.5 text-xs">SMS</span>{`Mensaje a ${c.para}`}</> : c.asunto}</span>
                  <span className="text-slate-600">Para {c.para} · {formatearFechaCorta(c.createdAt)} ({zonaAgencia()})</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {abierto ? (
          <article className="rounded-lg bg-white p-3 ring-1 ring-slate-200" aria-label="Correo abierto">
            <h2 className="font-semibold">{abierto.asunto}</h2>
            <p className="mb-2 text-sm text-slate-600">Para {abierto.para}</p>
            {abierto.canal === "SMS" ? (
              <p className="max-w-sm whitespace-pre-wrap wrap-anywhere rounded-2xl bg-slate-100 p-3 text-sm" data-testid="sms">{abierto.texto}</p>
            ) : (
              <>
                <iframe title="Vista del correo" srcDoc={abierto.html} sandbox="" className="h-[640px] w-full rounded border border-slate-200" />
                {(abierto.adjuntos as { nombre: string; tipo: string; contenido: string }[]).map((a, i) => (
                  <details key={i} className="mt-2 text-sm" data-testid="adjunto">
                    <summary className="cursor-pointer">
                      Adjunto: <a href={`/api/dev/correos/${abierto.id}/adjuntos/${i}`} download className="text-blue-800 underline">{a.nombre}</a> <span className="text-slate-600">({a.tipo.split(";")[0]})</span>
                    </summary>
                    <pre className="mt-2 whitespace-pre-wrap wrap-anywhere text-xs">{a.contenido}</pre>
                  </details>
                ))}
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer">Versión de texto</summary>
                  <pre className="mt-2 whitespace-pre-wrap wrap-anywhere text-xs">{abierto.texto}</pre>
                </details>
              </>
            )}
          </article>
        ) : (
          correos.length > 0 && <p className="text-slate-600">Elija un correo para verlo.</p>
        )}
      </div>
    </>
  );
}
