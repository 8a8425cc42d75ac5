import { readdirSync, readFileSync } from "node:fs";
// Small helpers of the benchmark: a session cookie through next-auth's credentials flow, percentiles.

/** Signs in like the browser does and returns the Cookie header for the session. */
export async function iniciarSesion(url: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = new Map<string, string>();
  const guardar = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [par] = c.split(";");
      const i = par.indexOf("=");
      cookies.set(par.slice(0, i), par.slice(i + 1));
    }
  };
  guardar(csrf);
  const cabecera = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const login = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cabecera() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  guardar(login);
  if (![...cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`No se pudo iniciar sesión como ${email}: HTTP ${login.status}`);
  return cabecera();
}

export function percentil(valores: number[], p: number): number {
  if (!valores.length) return NaN;
  const orden = [...valores].sort((a, b) => a - b);
  return Math.round(orden[Math.min(orden.length - 1, Math.ceil((p / 100) * orden.length) - 1)]);
}

export const redondear = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : n);

/** CPU seconds used so far by the server, the worker, every PostgreSQL process and this process (Linux /proc). */
export function cpuPorProceso(pids: { servidor?: number; worker?: number }): Record<string, number> {
  const HZ = 100;
  const leer = (pid: number | string) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const campos = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime + stime, plus cutime + cstime: children that already ended (PostgreSQL backends that
      // closed) still count, or a phase could show negative CPU.
      return { comm: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), cpu: (Number(campos[11]) + Number(campos[12]) + Number(campos[13]) + Number(campos[14])) / HZ };
    } catch {
      return { comm: "", cpu: 0 };
    }
  };
  const total: Record<string, number> = { servidor: 0, worker: 0, postgres: 0, benchmark: leer(process.pid).cpu };
  // next start and tsx run the real work in child processes: count each process tree.
  const hijos = new Map<number, number[]>();
  const comms = new Map<number, string>();
  for (const entrada of readdirSync("/proc")) {
    if (!/^\d+$/.test(entrada)) continue;
    try {
      const stat = readFileSync(`/proc/${entrada}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      comms.set(Number(entrada), stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")));
      hijos.set(ppid, [...(hijos.get(ppid) ?? []), Number(entrada)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const arbol = (pid: number): number => leer(pid).cpu + (hijos.get(pid) ?? []).reduce((s, h) => s + arbol(h), 0);
  if (pids.servidor) total.servidor = arbol(pids.servidor);
  if (pids.worker) total.worker = arbol(pids.worker);
  for (const [pid, comm] of comms) if (comm === "postgres") total.postgres += leer(pid).cpu;
  return total;
}

/**
 * An operator's live feed (SSE): for each reschedule event, its reserva_id → [first arrival (ms), count].
 * `cerrar` ends the stream.
 */
export async function escucharEventos(url: string, cookie: string) {
  const llegadas = new Map<number, { en: number; veces: number }>();
  const control = new AbortController();
  const sse = await fetch(`${url}/api/realtime/stream`, { headers: { cookie }, signal: control.signal });
  const lector = (async () => {
    const decoder = new TextDecoder();
    let resto = "";
    for await (const trozo of sse.body as unknown as AsyncIterable<Uint8Array>) {
      resto += decoder.decode(trozo, { stream: true });
      let fin;
      while ((fin = resto.indexOf("\n\n")) >= 0) {
        const bloque = resto.slice(0, fin);
        resto = resto.slice(fin + 2);
        const datos = bloque.split("\n").find((l) => l.startsWith("data: "));
        if (!bloque.includes("event: reprogramacion") || !datos) continue;
        const id = JSON.parse(datos.slice(6)).reserva_id as number;
        const previa = llegadas.get(id);
        llegadas.set(id, { en: previa?.en ?? Date.now(), veces: (previa?.veces ?? 0) + 1 });
      }
    }
  })().catch(() => {});
  return { llegadas, cerrar: async () => (control.abort(), await lector) };
}
