// Pages that show one reservation: the same ownership check as the API, answered with a 404 page.
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/credenciales";
import { oPagina404 } from "@/lib/auth/pagina";
import type { Db } from "@/lib/db/client";
import { reservaDelActor } from "@/lib/reprogramacion/reprogramar";

export async function reservaDePagina(db: Db, actor: Actor, idTexto: string) {
  const id = Number(idTexto);
  if (!/^\d{1,9}$/.test(idTexto) || id <= 0) notFound();
  return oPagina404(reservaDelActor(db, actor, id));
}
