// Pages that show one reservation: the same ownership check as the API, answered with a 404 page.
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { reservaDelActor } from "@/lib/reprogramacion/reprogramar";

export async function reservaDePagina(db: Db, actor: Actor, idTexto: string) {
  const id = Number(idTexto);
  if (!/^\d{1,9}$/.test(idTexto) || id <= 0) notFound();
  try {
    return await reservaDelActor(db, actor, id);
  } catch (error) {
    if (error instanceof ErrorDominio && error.status === 404) notFound();
    throw error;
  }
}
