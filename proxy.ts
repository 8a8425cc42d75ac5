// Early, cheap refusal at the edge of the app, and the security headers of every response.
// Every handler and page still checks on the server.
import { NextResponse, type NextRequest } from "next/server";
import { INICIO_POR_ROL, rolesDelArea } from "@/lib/auth/roles";
import { decodificarToken, tokenDeCookies } from "@/lib/auth/token-sesion";
import { registrarSolicitud } from "@/lib/http/registro-solicitud";
import { cabecerasComunes, idDeSolicitud, nuevoNonce, politicaDeContenido } from "@/lib/seguridad/cabeceras";

export async function proxy(request: NextRequest) {
  const inicio = performance.now();
  const esApi = request.nextUrl.pathname.startsWith("/api/");
  const nonce = nuevoNonce();
  const csp = politicaDeContenido(nonce);
  // One id per request, in the response and in every log line about it (a trusted upstream's id is kept).
  const requestId = idDeSolicitud(request.headers.get("x-request-id"));
  const respuesta = await decidir(request, csp, nonce, requestId);
  for (const [nombre, valor] of Object.entries(cabecerasComunes())) respuesta.headers.set(nombre, valor);
  respuesta.headers.set("content-security-policy", csp);
  respuesta.headers.set("x-request-id", requestId);
  // API bodies carry personal data: never kept by browsers or shared caches.
  if (esApi) respuesta.headers.set("cache-control", "no-store");
  // Answered here without reaching a handler (no session): logged here, as handlers log their own.
  if (esApi && respuesta.status === 401) registrarSolicitud(request, 401, inicio, null, undefined, requestId);
  return respuesta;
}

async function decidir(request: NextRequest, csp: string, nonce: string, requestId: string): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-request-id", requestId);
  const seguir = () => NextResponse.next({ request: { headers: requestHeaders } });

  // Sign-in itself, and provider callbacks that carry their own signature (checked by the handler).
  // The public health probe answers load balancers, which carry no session; account recovery and
  // sign-in links are asked for by people who are not signed in.
  if (pathname.startsWith("/api/auth/") || pathname.startsWith("/api/webhooks/") || pathname.startsWith("/api/cuenta/") || /^\/api\/salud\/?$/.test(pathname)) return seguir();
  const cookie = tokenDeCookies(request.cookies);
  const token = cookie ? await decodificarToken(cookie) : null;

  if (pathname.startsWith("/api/")) {
    if (!token)
      return NextResponse.json({ detail: "Debe iniciar sesión para continuar.", error_code: "NO_AUTENTICADO" }, { status: 401 });
    return seguir();
  }
  // Whether the cookie's session is still open is the server's to say (it may have been ended):
  // the login page sends a signed-in person home itself.
  if (pathname === "/") return NextResponse.redirect(new URL(token ? INICIO_POR_ROL[token.rol] : "/login", request.url));
  if (!rolesDelArea(pathname)) return seguir();
  if (!token) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", pathname);
    return NextResponse.redirect(login);
  }
  // A wrong role goes through: the page's own guard answers 403 with forbidden().
  return seguir();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
