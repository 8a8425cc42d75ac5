// Login attempts: a failed password counts against the account and against the address it came
// from; past either limit, sign-in is refused (429) until the window ends. Success clears the
// account's count.
import type { Db } from "@/lib/db/client";
import { consultar, contar, direccionCliente, limites, olvidar } from "./limite-tasa";

type Resultado = { bloqueado: true; reintentarEnS: number } | { bloqueado: false; respuesta: Response };

export async function limitarLogin(db: Db, email: string, headers: Headers, intentar: () => Promise<Response>): Promise<Resultado> {
  const { loginCuenta, loginDireccion } = limites();
  const aplicables = [...(email.trim() ? [loginCuenta(email)] : []), loginDireccion(direccionCliente(headers))];
  const estados = await Promise.all(aplicables.map((l) => consultar(db, l)));
  const excedidos = estados.filter((e, i) => e.conteo >= aplicables[i].maximo);
  if (excedidos.length) return { bloqueado: true, reintentarEnS: Math.max(...excedidos.map((e) => e.reintentarEnS)) };

  const respuesta = await intentar();
  if (respuesta.status === 401) await Promise.all(aplicables.map((l) => contar(db, l)));
  else if (respuesta.ok && email.trim()) await olvidar(db, loginCuenta(email).clave);
  return { bloqueado: false, respuesta };
}
