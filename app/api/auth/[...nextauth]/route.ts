import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { prisma } from "@/lib/db/client";
import { conRegistro, json } from "@/lib/http/api";
import { limitarLogin } from "@/lib/seguridad/login";

const handler = NextAuth(authOptions);

type Contexto = { params: Promise<{ nextauth: string[] }> };

/** Sign-in attempts pass through the login rate limit (per account and per address); the rest is next-auth's. */
async function post(request: Request, context: Contexto) {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) return handler(request, context);
  const form = await request.clone().formData().catch(() => null);
  const email = String(form?.get("email") ?? "");
  const resultado = await limitarLogin(prisma, email, request.headers, () => handler(request, context));
  if (resultado.bloqueado) {
    const { reintentarEnS } = resultado;
    // `url` keeps next-auth's signIn() able to read the answer; the status says why.
    const url = new URL(`/login?error=DemasiadosIntentos`, request.url).toString();
    return json(
      { detail: `Demasiados intentos fallidos. Espere ${Math.ceil(reintentarEnS / 60)} min e intente nuevamente.`, error_code: "DEMASIADOS_INTENTOS", reintentar_en_segundos: reintentarEnS, url },
      429,
      { "retry-after": String(reintentarEnS) },
    );
  }
  return resultado.respuesta;
}

const get = conRegistro<Contexto>((request, context) => handler(request, context));
const postRegistrado = conRegistro(post);

export { get as GET, postRegistrado as POST };
