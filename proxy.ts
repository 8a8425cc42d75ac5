// Early, cheap refusal at the edge of the app. Every handler and page still checks on the server.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { INICIO_POR_ROL, rolesDelArea } from "@/lib/auth/roles";

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/api/auth/")) return NextResponse.next();
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });

  if (pathname.startsWith("/api/")) {
    if (!token)
      return NextResponse.json({ detail: "Debe iniciar sesión para continuar.", error_code: "NO_AUTENTICADO" }, { status: 401 });
    return NextResponse.next();
  }
  if (pathname === "/" || pathname === "/login") {
    if (token) return NextResponse.redirect(new URL(INICIO_POR_ROL[token.rol], request.url));
    return pathname === "/" ? NextResponse.redirect(new URL("/login", request.url)) : NextResponse.next();
  }
  if (!rolesDelArea(pathname)) return NextResponse.next();
  if (!token) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", pathname);
    return NextResponse.redirect(login);
  }
  // A wrong role goes through: the page's own guard answers 403 with forbidden().
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
