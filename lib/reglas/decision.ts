// Which rule decides, per kind of person, when several of one type apply: the editor shows it next
// to each rule ("Decide: prioridad 1 · clientes VIP"). The same selection the evaluator makes.
import type { NivelCliente, Rol } from "@/lib/generated/prisma/enums";
import { reglasDecisivas, type ContextoReglas, type Regla } from "@/lib/reprogramacion/reglas";

const QUIENES: { etiqueta: string; rol: Rol; nivel: NivelCliente | null }[] = [
  { etiqueta: "clientes", rol: "CLIENTE", nivel: "BRONZE" },
  { etiqueta: "clientes VIP", rol: "CLIENTE", nivel: "PLATINUM" },
  { etiqueta: "operadores", rol: "OPERADOR", nivel: null },
  { etiqueta: "administradores", rol: "ADMIN", nivel: null },
];

export interface Decision {
  /** The kinds of person for whom this rule is the one that decides its type. */
  decidePara: string[];
  /** Why it does not apply or does not decide, when it decides for nobody. */
  razon: string | null;
}

export function decisiones(reglas: Regla[], ahora: Date, zona: string): Map<number, Decision> {
  const resultado = new Map<number, Decision>(reglas.map((r) => [r.id, { decidePara: [], razon: null }]));
  for (const quien of QUIENES) {
    const ctx: ContextoReglas = { fechaActual: ahora, numeroReprogramaciones: 0, nivelCliente: quien.nivel, rolActor: quien.rol, nuevaFecha: null, ahora, zona, feriadoNacional: () => null };
    const { decisivas, noAplicadas } = reglasDecisivas(reglas, ctx);
    for (const regla of decisivas.values()) resultado.get(regla.id)!.decidePara.push(quien.etiqueta);
    for (const { regla, razon } of noAplicadas) resultado.get(regla.id)!.razon ??= razon;
  }
  for (const d of resultado.values()) if (d.decidePara.length) d.razon = null;
  return resultado;
}
