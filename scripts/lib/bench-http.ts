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
