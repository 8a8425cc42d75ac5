import { describe, expect, it } from "vitest";
import { diasEntre, evaluarDias, type EntradaDias } from "@/lib/reprogramacion/calendario-reserva";
import { fechaLocal } from "@/lib/reprogramacion/calendario";
import { feriadoNacional } from "@/lib/reprogramacion/feriados";
import { conReintentos } from "@/lib/reintentos";
import { regla } from "./regla";

const ZONA = "America/La_Paz";

const REGLAS = [
  regla({ tipoRegla: "TIEMPO_MINIMO", valorNumerico: 24, mensajeError: "Debe reprogramar con al menos 24 horas de anticipación" }),
  regla({ tipoRegla: "LIMITE_REPROGRAMACIONES", valorNumerico: 3 }),
  regla({ tipoRegla: "DIA_BLACKOUT", valorTexto: "SABADO,DOMINGO,FERIADOS", mensajeError: "No se permite reprogramar para fines de semana ni feriados" }),
];

function entrada(parcial: Partial<EntradaDias> & { ahora?: Date; zona?: string; usadas?: number } = {}): EntradaDias {
  const zona = parcial.zona ?? ZONA;
  const ahora = parcial.ahora ?? new Date("2026-11-20T12:00:00Z"); // viernes 08:00 en La Paz
  return {
    reserva: { estado: "CONFIRMADA", fechaInicio: new Date("2026-12-02T14:00:00Z") },
    contexto: { fechaActual: new Date("2026-12-02T14:00:00Z"), numeroReprogramaciones: parcial.usadas ?? 0, nivelCliente: "BRONZE", rolActor: "CLIENTE", ahora, zona, feriadoNacional },
    reglas: REGLAS,
    ocupacion: { capacidadPorDefecto: 15, capacidades: new Map(), ocupadas: new Map() },
    horizonteDias: 730,
    dias: diasEntre("2026-11-19", "2026-12-31"),
    hora: 10,
    minuto: 0,
    ...parcial,
  };
}

const dia = (dias: ReturnType<typeof evaluarDias>, fecha: string) => dias.find((d) => d.fecha === fecha)!;
const codigos = (dias: ReturnType<typeof evaluarDias>, fecha: string) => dia(dias, fecha).motivos.map((m) => m.codigo);

describe("evaluarDias: por qué se puede o no mover la reserva a cada día", () => {
  it("fin de semana, feriado nacional con su nombre, día actual, pasado y aviso mínimo", () => {
    const dias = evaluarDias(entrada());
    expect(codigos(dias, "2026-11-19")).toContain("FECHA_EN_PASADO");
    expect(codigos(dias, "2026-11-20")).toEqual(["TIEMPO_MINIMO"]); // hoy 10:00, dentro de 2 h
    expect(codigos(dias, "2026-11-21")).toEqual(["DIA_BLACKOUT"]); // sábado
    expect(dia(dias, "2026-11-22").motivos[0].mensaje).toBe("Domingo: No se permite reprogramar para fines de semana ni feriados");
    expect(dia(dias, "2026-11-23")).toMatchObject({ permitido: true, motivos: [], dia_semana: "LUNES", fecha_hora: "2026-11-23T14:00:00.000Z" });
    expect(dia(dias, "2026-12-25")).toMatchObject({ permitido: false, feriado: "Navidad", motivos: [{ codigo: "FERIADO", mensaje: "Feriado: Navidad. No se permite reprogramar para fines de semana ni feriados" }] });
    expect(codigos(dias, "2026-12-02")).toEqual(["FECHA_ACTUAL"]);
  });

  it("sin FERIADOS en la regla, el feriado se nombra pero se permite; un feriado local bloquea", () => {
    const sinFeriados = [REGLAS[0], REGLAS[1], regla({ tipoRegla: "DIA_BLACKOUT", valorTexto: "SABADO,DOMINGO,FERIADOS", condicionesExtras: { excluir_feriados_nacionales: false, incluir_feriados_locales: ["2026-12-24"] } })];
    const dias = evaluarDias(entrada({ reglas: sinFeriados, feriadosLocales: ["2026-12-24"] }));
    expect(dia(dias, "2026-12-25")).toMatchObject({ permitido: true, feriado: "Navidad" });
    expect(dia(dias, "2026-12-24")).toMatchObject({ permitido: false, feriado: "Feriado local", motivos: [{ codigo: "FERIADO" }] });
  });

  it("el día se decide en la zona de la agencia, no en UTC (23:30 en La Paz ya es mañana en UTC)", () => {
    const ahora = new Date("2026-11-24T03:30:00Z"); // lunes 23 a las 23:30 en La Paz
    const dias = evaluarDias(entrada({ ahora, dias: ["2026-11-23", "2026-11-24", "2026-11-25"] }));
    expect(codigos(dias, "2026-11-23")).toContain("FECHA_EN_PASADO");
    expect(codigos(dias, "2026-11-24")).toEqual(["TIEMPO_MINIMO"]); // 10:30 h de aviso
    expect(dia(dias, "2026-11-25")).toMatchObject({ permitido: true, fecha_hora: "2026-11-25T14:00:00.000Z" });
  });

  it("en una zona con horario de verano la hora local se conserva y el día no se corre", () => {
    const dias = evaluarDias(entrada({ zona: "Europe/Madrid", ahora: new Date("2026-03-20T12:00:00Z"), dias: diasEntre("2026-03-27", "2026-03-31"), reglas: [REGLAS[1]] }));
    expect(dias.map((d) => d.fecha_hora)).toEqual(["2026-03-27T09:00:00.000Z", "2026-03-28T09:00:00.000Z", "2026-03-29T08:00:00.000Z", "2026-03-30T08:00:00.000Z", "2026-03-31T08:00:00.000Z"]);
    for (const d of dias) expect(fechaLocal(new Date(d.fecha_hora), "Europe/Madrid")).toBe(d.fecha);
  });

  it("capacidad: un día lleno no se permite y uno con 2 lugares dice 'quedan 2'", () => {
    const ocupacion = { capacidadPorDefecto: 15, capacidades: new Map([["2026-11-26", 4]]), ocupadas: new Map([["2026-11-25", 15], ["2026-11-26", 2]]) };
    const dias = evaluarDias(entrada({ ocupacion }));
    expect(dia(dias, "2026-11-25")).toMatchObject({ permitido: false, disponibilidad: "SIN_LUGARES", espacios_libres: 0, motivos: [{ codigo: "SIN_CAPACIDAD", mensaje: "Sin lugares: 15 de 15 ocupados" }] });
    expect(dia(dias, "2026-11-26")).toMatchObject({ permitido: true, quedan_pocos: true, espacios_libres: 2, capacidad: 4, disponibilidad: "ALTA" });
    expect(dia(dias, "2026-11-27")).toMatchObject({ quedan_pocos: false, espacios_libres: 15 });
  });

  it("con el límite agotado ningún día se permite; más allá del horizonte tampoco", () => {
    const agotada = evaluarDias(entrada({ usadas: 3 }));
    expect(agotada.every((d) => !d.permitido && d.motivos.some((m) => m.codigo === "LIMITE_REPROGRAMACIONES"))).toBe(true);
    const corta = evaluarDias(entrada({ horizonteDias: 10 }));
    expect(codigos(corta, "2026-12-01")).toEqual(["FECHA_FUERA_DE_HORIZONTE"]);
    expect(dia(corta, "2026-11-27").permitido).toBe(true);
  });
});

describe("conReintentos (seed §9)", () => {
  const sinEspera = async () => {};
  it("reintenta sin respuesta o 5xx hasta 3 veces con 1 s, 2 s, 4 s; un 4xx nunca", async () => {
    const esperas: number[] = [];
    let llamadas = 0;
    const r = await conReintentos(async () => { llamadas++; if (llamadas < 3) throw new TypeError("Failed to fetch"); return { status: 200 }; }, {
      reintentos: 3, reintentable: (x) => x.status >= 500, esperar: async (ms) => { esperas.push(ms); },
    });
    expect(r).toEqual({ status: 200 });
    expect(esperas).toEqual([1000, 2000]);

    llamadas = 0;
    expect(await conReintentos(async () => { llamadas++; return { status: 400 }; }, { reintentos: 3, reintentable: (x) => x.status >= 500, esperar: sinEspera })).toEqual({ status: 400 });
    expect(llamadas).toBe(1);

    llamadas = 0;
    expect(await conReintentos(async () => { llamadas++; return { status: 503 }; }, { reintentos: 3, reintentable: (x) => x.status >= 500, esperar: sinEspera })).toEqual({ status: 503 });
    expect(llamadas).toBe(4);
    expect(await conReintentos(async () => { throw new TypeError("x"); }, { reintentos: 2, reintentable: () => true, esperar: sinEspera })).toBeNull();
  });
});
