// porTandas: calls made together go to the database as one; each caller gets its own values, and a
// failure reaches every caller of that turn (and only them).
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { porTandas } from "@/lib/db/por-tandas";

const db = {} as Db;
const otra = {} as Db;

describe("porTandas", () => {
  it("tres llamadas en el mismo turno son una sola ejecución; cada una recibe lo suyo", async () => {
    const ejecuciones: number[][] = [];
    const doble = porTandas(async (_db, ns: number[]) => (ejecuciones.push(ns), new Map(ns.map((n) => [n, n * 2]))), (n: number) => n);
    const [a, b, c] = await Promise.all([doble(db, [1, 2]), doble(db, [3]), doble(db, [2, 4])]);
    expect(ejecuciones).toEqual([[1, 2, 3, 2, 4]]);
    expect([[...a], [...b], [...c]]).toEqual([[[1, 2], [2, 4]], [[3, 6]], [[2, 4], [4, 8]]]);
    // The next turn is a new execution; another client never shares one.
    await Promise.all([doble(db, [5]), doble(otra, [6])]);
    expect(ejecuciones).toEqual([[1, 2, 3, 2, 4], [5], [6]]);
  });

  it("si la ejecución falla, fallan las llamadas de ese turno y la siguiente vuelve a intentar", async () => {
    let fallar = true;
    const f = porTandas(async (_db, ns: number[]) => {
      if (fallar) throw new Error("base caída");
      return new Map(ns.map((n) => [n, n]));
    }, (n: number) => n);
    const resultados = await Promise.allSettled([f(db, [1]), f(db, [2])]);
    expect(resultados.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fallar = false;
    expect([...(await f(db, [3]))]).toEqual([[3, 3]]);
  });
});
