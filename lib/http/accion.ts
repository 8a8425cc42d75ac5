// The thin edge of admin server actions: role check, write budget, one lib call, and any failure as
// the contract's error ({ detail, error_code, campos }) instead of a thrown exception.
import type { Actor } from "@/lib/auth/credenciales";
import { requerirRol } from "@/lib/auth/sesion";
import { headers } from "next/headers";
import { prisma } from "@/lib/db/client";
import type { Rol } from "@/lib/generated/prisma/enums";
import { limitarEscritura } from "@/lib/seguridad/limite-tasa";
import { errorComoCuerpo } from "./api";

export type ResultadoAccion<T> =
  | { ok: true; datos: T }
  | { ok: false; status: number; error_code: string; detail: string; campos: Record<string, string>; cuerpo: Record<string, unknown> };

export async function accionProtegida<T>(roles: readonly Rol[], ejecutar: (actor: Actor) => Promise<T>): Promise<ResultadoAccion<T>> {
  return accionPublica(async () => {
    const actor = await requerirRol(roles);
    await limitarEscritura(prisma, actor.id);
    return ejecutar(actor);
  });
}

/** The same edge for forms used without a session (one-time links, recovery): errors as the contract's body. */
export async function accionPublica<T>(ejecutar: () => Promise<T>): Promise<ResultadoAccion<T>> {
  try {
    return { ok: true, datos: await ejecutar() };
  } catch (error) {
    // The action's POST went through proxy.ts too: an unexpected failure quotes its request id.
    const requestId = (await headers().catch(() => null))?.get("x-request-id") ?? undefined;
    const { status, cuerpo } = errorComoCuerpo(error, requestId);
    return {
      ok: false,
      status,
      error_code: String(cuerpo.error_code),
      detail: String(cuerpo.detail),
      campos: (cuerpo.campos as Record<string, string> | undefined) ?? {},
      // The whole contract body, for forms that use more of it (suggested dates, alternatives).
      cuerpo,
    };
  }
}
