// Rate limits with their default values (this server keeps them): failed logins per account and
// per address, and writes per user, answered 429 with Retry-After.
import { expect, request, test } from "@playwright/test";
import { apiComo, db, diaHabil, idDeUsuario, reservaDirecta } from "./api-helpers";
import { PASSWORD } from "./helpers";

const servidor = () => process.env.LIMITES_URL!;
const base = () => db(process.env.LIMITES_DATABASE_URL);

/** One sign-in attempt through next-auth's credentials flow, from a given address. */
async function intentarLogin(email: string, password: string, direccion: string) {
  const ctx = await request.newContext({ baseURL: servidor(), extraHTTPHeaders: { "x-forwarded-for": direccion } });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const r = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  const resultado = { status: r.status(), retryAfter: r.headers()["retry-after"], body: await r.json().catch(() => null) };
  await ctx.dispose();
  return resultado;
}

test.describe.configure({ mode: "serial" });

test("5 contraseñas erradas bloquean la cuenta con 429 y Retry-After, aun con la contraseña correcta; otra cuenta sigue entrando", async () => {
  const estados = [];
  for (let i = 0; i < 7; i++) estados.push((await intentarLogin("vip@demo.bo", `incorrecta-${i}`, "10.0.0.1")).status);
  expect(estados).toEqual([401, 401, 401, 401, 401, 429, 429]);
  const correcta = await intentarLogin("vip@demo.bo", PASSWORD, "10.0.0.2");
  expect(correcta.status).toBe(429);
  expect(Number(correcta.retryAfter)).toBeGreaterThan(800);
  expect(Number(correcta.retryAfter)).toBeLessThanOrEqual(900);
  expect(correcta.body).toMatchObject({ error_code: "DEMASIADOS_INTENTOS" });
  expect(typeof correcta.body.detail).toBe("string");
  expect((await intentarLogin("operador@demo.bo", PASSWORD, "10.0.0.1")).status).toBe(200);
});

test("30 fallos desde una dirección la bloquean para cualquier cuenta; otra dirección no se ve afectada", async () => {
  const estados: number[] = [];
  for (let i = 0; i < 32; i++) estados.push((await intentarLogin(`nadie${i % 8}@demo.bo`, "incorrecta", "10.9.9.9")).status);
  expect(estados.slice(0, 30).every((s) => s === 401)).toBe(true);
  expect(estados.slice(30)).toEqual([429, 429]);
  const bloqueada = await intentarLogin("admin@demo.bo", PASSWORD, "10.9.9.9");
  expect(bloqueada.status).toBe(429);
  expect(Number(bloqueada.retryAfter)).toBeGreaterThan(0);
  expect((await intentarLogin("admin@demo.bo", PASSWORD, "10.8.8.8")).status).toBe(200);
});

test("100 solicitudes de reprogramación en 10 s: 60 atendidas, el resto 429 con Retry-After; otro usuario no se ve afectado", async () => {
  const cliente = await apiComo("cliente@demo.bo", servidor());
  const id = await reservaDirecta(await idDeUsuario("cliente@demo.bo", base()), diaHabil(40), {}, base());
  const inicio = Date.now();
  // Too short a reason: each one that gets through is a quick 400, and the reservation never moves.
  const respuestas = await Promise.all(
    Array.from({ length: 100 }, () => cliente.post(`/api/reservas/${id}/reprogramar/`, { data: { nueva_fecha: diaHabil(42).toISOString(), motivo: "corto" } })),
  );
  expect(Date.now() - inicio).toBeLessThan(10_000);
  const estados = respuestas.map((r) => r.status());
  expect(estados.filter((s) => s === 400)).toHaveLength(60);
  expect(estados.filter((s) => s === 429)).toHaveLength(40);
  const limitada = respuestas.find((r) => r.status() === 429)!;
  expect(Number(limitada.headers()["retry-after"])).toBeGreaterThan(0);
  expect(Number(limitada.headers()["retry-after"])).toBeLessThanOrEqual(60);
  expect(await limitada.json()).toMatchObject({ error_code: "DEMASIADAS_SOLICITUDES" });
  // Reads are not limited, and another user's writes go through.
  expect((await cliente.get("/api/reservas/")).status()).toBe(200);
  const operador = await apiComo("operador@demo.bo", servidor());
  const otra = await reservaDirecta(await idDeUsuario("vip@demo.bo", base()), diaHabil(40), {}, base());
  expect((await operador.post(`/api/reservas/${otra}/reprogramar/`, { data: { nueva_fecha: diaHabil(43).toISOString(), motivo: "Pedido por teléfono" } })).status()).toBe(200);
  const { rows } = await base().query("SELECT numero_reprogramaciones FROM reserva WHERE id = $1", [id]);
  expect(rows[0].numero_reprogramaciones).toBe(0);
});
