// The access log: one line per API request, written by the route wrappers (lib/http/api.ts) and by
// proxy.ts for the requests it answers itself.
import { registro } from "@/lib/registro";

/** The route as a pattern for the log: ids and any other value-like segment become {id}, so no value leaves in it. */
function patronDeRuta(pathname: string): string {
  const segmentos = pathname.replace(/\/+$/, "").split("/").map((s) => (/^[a-z][a-z-]*$/.test(s) || s === "" ? s : "{id}"));
  return segmentos.join("/") || "/";
}

/** One log line per API request: what was asked, by whom (id and role), how it ended and how long it took. */
export function registrarSolicitud(request: Request, status: number, inicio: number, actor: { id: number; rol: string } | null, patron?: string, requestId?: string) {
  const linea = {
    request_id: requestId ?? request.headers.get("x-request-id") ?? undefined,
    metodo: request.method,
    ruta: patron ?? patronDeRuta(new URL(request.url).pathname),
    status,
    duracion_ms: Math.round((performance.now() - inicio) * 10) / 10,
    actor_id: actor?.id,
    rol: actor?.rol,
  };
  if (status >= 500) registro.error(linea, "solicitud");
  else registro.info(linea, "solicitud");
}
