// The import phase of the benchmark: a 10,000-row CSV (2,500 new clients, two services per row,
// dates over ten months) uploaded as an admin would; the time from upload to the last row applied,
// and the latency of one client's reschedules, one after another, alone and during the import.
import { percentil } from "./bench-http";
import type { ReservaDeCarga } from "./bench-datos";

const FILAS = Number(process.env.BENCH_IMPORTACION_FILAS ?? 10_000);

function archivo(): Buffer {
  const base = new Date(Date.now() - 4 * 3_600_000);
  const lineas = ["referencia,cliente_email,cliente_nombre,cliente_apellido,cliente_celular,destino,fecha_inicio,total,moneda,servicios,estado"];
  for (let i = 0; i < FILAS; i++) {
    const dia = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() + 30 + (i % 300), 8 + (i % 10), (i % 4) * 15));
    const fecha = dia.toISOString().slice(0, 16).replace("T", " ");
    lineas.push(`BENCH-${i},importado${i % 2500}@bench.bo,Cliente,Importado ${i % 2500},,Destino ${i % 40},${fecha},"${(1000 + (i % 900)).toLocaleString("en-US")}.00",BOB,"TOUR|Tour ${i % 40}|800.00;HOTEL|Hotel ${i % 12}|${200 + (i % 700)}.00",`);
  }
  return Buffer.from(lineas.join("\n"));
}

async function subir(url: string, cookie: string, contenido: Buffer, simulacion: boolean) {
  const formulario = new FormData();
  formulario.set("archivo", new Blob([new Uint8Array(contenido)], { type: "text/csv" }), "bench.csv");
  formulario.set("simulacion", String(simulacion));
  const r = await fetch(`${url}/api/admin/importaciones/`, { method: "POST", body: formulario, headers: { cookie } });
  if (r.status !== (simulacion ? 200 : 202)) throw new Error(`importación: HTTP ${r.status} ${await r.text()}`);
  return r.json() as Promise<{ id: number; resumen?: Record<string, number> }>;
}

export interface MedidaImportacion {
  filas: number;
  pruebaS: number;
  importacionS: number;
  filasPorS: number;
  resumen: Record<string, number>;
  solo: { p50: number; p95: number; n: number; estados: string };
  durante: { p50: number; p95: number; n: number; estados: string };
  /** Cores used during the phase, per process group (filled in by the caller). */
  cpu?: Record<string, number>;
}

export async function medirImportacion(url: string, cookieAdmin: string, cookieDe: (clienteId: number) => string, reservas: ReservaDeCarga[]): Promise<MedidaImportacion> {
  let siguiente = 0;
  /** One client's reschedules, one at a time, until `seguir` says stop (or `n` of them). */
  async function reprogramar(seguir: () => boolean, n = Infinity) {
    const ms: number[] = [];
    const estados = new Map<number, number>();
    while (seguir() && ms.length < n) {
      const r = reservas[siguiente++ % reservas.length];
      const inicio = performance.now();
      const respuesta = await fetch(`${url}/api/reservas/${r.id}/reprogramar/`, {
        method: "POST",
        headers: { cookie: cookieDe(r.clienteId), "content-type": "application/json" },
        body: JSON.stringify({ nueva_fecha: r.destino, motivo: "Cambio durante la importación" }),
      });
      await respuesta.arrayBuffer();
      ms.push(performance.now() - inicio);
      estados.set(respuesta.status, (estados.get(respuesta.status) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { p50: percentil(ms, 50), p95: percentil(ms, 95), n: ms.length, estados: [...estados].map(([s, c]) => `${c}× ${s}`).join(", ") };
  }

  const contenido = archivo();
  const solo = await reprogramar(() => true, 60);
  let inicio = performance.now();
  await subir(url, cookieAdmin, contenido, true);
  const pruebaS = (performance.now() - inicio) / 1000;

  inicio = performance.now();
  const { id } = await subir(url, cookieAdmin, contenido, false);
  let terminada = false;
  let resumen: Record<string, number> = {};
  const seguimiento = (async () => {
    for (;;) {
      const estado = (await (await fetch(`${url}/api/admin/importaciones/${id}/`, { headers: { cookie: cookieAdmin } })).json()) as { estado: string; resumen: Record<string, number> };
      if (estado.estado === "TERMINADA") {
        resumen = estado.resumen;
        terminada = true;
        return (performance.now() - inicio) / 1000;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const [importacionS, durante] = await Promise.all([seguimiento, reprogramar(() => !terminada)]);
  return { filas: FILAS, pruebaS, importacionS, filasPorS: FILAS / importacionS, resumen, solo, durante };
}
