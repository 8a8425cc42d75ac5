import { describe, expect, it } from "vitest";
import { fechaLocal, diaSemana, desplazarDias } from "@/lib/reprogramacion/calendario";
import { calcularDescuento } from "@/lib/reprogramacion/descuento";
import { buscarAlternativas, nivelDisponibilidad } from "@/lib/reprogramacion/disponibilidad";
import { feriadoNacional } from "@/lib/reprogramacion/feriados";
import { evaluarReglas, type ContextoReglas, type Regla } from "@/lib/reprogramacion/reglas";
import { regla } from "./regla";

const ZONA = "America/La_Paz";
const AHORA = new Date("2026-11-20T12:00:00Z"); // viernes 08:00 en La Paz

const tiempo24 = regla({ tipoRegla: "TIEMPO_MINIMO", valorNumerico: 24, nombre: "Tiempo mínimo 24 horas" });
const limite3 = regla({ tipoRegla: "LIMITE_REPROGRAMACIONES", valorNumerico: 3 });
const finDeSemana = regla({ tipoRegla: "DIA_BLACKOUT", valorTexto: "SABADO,DOMINGO" });
const vip12 = regla({
  tipoRegla: "TIEMPO_MINIMO",
  valorNumerico: 12,
  prioridad: 1,
  aplicableA: "CLIENTE",
  nombre: "Tiempo mínimo VIP",
  condicionesExtras: { solo_clientes_vip: true, nivel_minimo: "GOLD" },
});

function ctx(parcial: Partial<ContextoReglas> = {}): ContextoReglas {
  return {
    fechaActual: new Date("2026-11-25T14:30:00Z"),
    numeroReprogramaciones: 0,
    nivelCliente: null,
    rolActor: "CLIENTE",
    nuevaFecha: new Date("2026-12-01T14:30:00Z"),
    ahora: AHORA,
    zona: ZONA,
    feriadoNacional,
    ...parcial,
  };
}
const violadas = (reglas: Regla[], c: ContextoReglas, bypass: Regla["tipoRegla"][] = []) =>
  evaluarReglas(reglas, c, bypass).violadas.map((v) => v.regla.tipoRegla);

describe("TIEMPO_MINIMO", () => {
  it("aprueba con 120 horas y explica el detalle", () => {
    const [v] = evaluarReglas([tiempo24], ctx()).veredictos;
    expect(v.cumple).toBe(true);
    expect(v.detalle).toBe("122 horas de anticipación (requerido: 24)");
  });
  it("rechaza cuando faltan 12 horas para la fecha actual", () => {
    const e = evaluarReglas([tiempo24], ctx({ fechaActual: new Date(AHORA.getTime() + 12 * 3_600_000) }));
    expect(e.violadas).toHaveLength(1);
    expect(e.violadas[0].datos).toMatchObject({ tiempo_restante_horas: 12, tiempo_requerido_horas: 24, diferencia_horas: -12 });
    expect(e.violadas[0].datos.fecha_limite_reprogramacion).toBe("2026-11-20T00:00:00.000Z");
  });
  it("exige también anticipación antes de la nueva fecha", () => {
    const c = ctx({ nuevaFecha: new Date(AHORA.getTime() + 20 * 3_600_000) });
    expect(violadas([tiempo24], c)).toEqual(["TIEMPO_MINIMO"]);
    expect(evaluarReglas([tiempo24], c).violadas[0].datos.causa).toBe("NUEVA_FECHA");
  });
  it("el límite exacto de 24 horas cumple", () => {
    expect(violadas([tiempo24], ctx({ fechaActual: new Date(AHORA.getTime() + 24 * 3_600_000) }))).toEqual([]);
  });
});

describe("precedencia VIP y condiciones", () => {
  const a18h = ctx({ fechaActual: new Date(AHORA.getTime() + 18 * 3_600_000) });
  it("un cliente GOLD usa la regla VIP de 12 h (prioridad 1) y la de 24 h se informa como no aplicada", () => {
    const e = evaluarReglas([tiempo24, vip12], { ...a18h, nivelCliente: "GOLD" });
    expect(e.violadas).toEqual([]);
    expect(e.veredictos[0].regla.nombre).toBe("Tiempo mínimo VIP");
    expect(e.noAplicadas.map((n) => n.regla.nombre)).toEqual(["Tiempo mínimo 24 horas"]);
  });
  it("PLATINUM también es VIP; SILVER y sin nivel no", () => {
    expect(violadas([tiempo24, vip12], { ...a18h, nivelCliente: "PLATINUM" })).toEqual([]);
    expect(violadas([tiempo24, vip12], { ...a18h, nivelCliente: "SILVER" })).toEqual(["TIEMPO_MINIMO"]);
    expect(violadas([tiempo24, vip12], a18h)).toEqual(["TIEMPO_MINIMO"]);
  });
  it("aplicable_a CLIENTE no rige para un operador", () => {
    const e = evaluarReglas([tiempo24, vip12], { ...a18h, nivelCliente: "GOLD", rolActor: "OPERADOR" });
    expect(e.veredictos[0].regla.nombre).toBe("Tiempo mínimo 24 horas");
    expect(e.violadas).toHaveLength(1);
  });
  it("ventana de vigencia e inactividad", () => {
    const vencida = { ...vip12, fechaFinVigencia: new Date("2026-11-01T00:00:00Z") };
    const futura = { ...vip12, fechaInicioVigencia: new Date("2026-12-01T00:00:00Z") };
    const inactiva = { ...vip12, activa: false };
    for (const r of [vencida, futura, inactiva]) {
      expect(violadas([tiempo24, r], { ...a18h, nivelCliente: "GOLD" })).toEqual(["TIEMPO_MINIMO"]);
    }
  });
});

describe("LIMITE_REPROGRAMACIONES", () => {
  it("2 de 3 cumple, 3 de 3 no", () => {
    expect(evaluarReglas([limite3], ctx({ numeroReprogramaciones: 2 })).veredictos[0].detalle).toBe("Ha usado 2 de 3 reprogramaciones permitidas");
    expect(violadas([limite3], ctx({ numeroReprogramaciones: 3 }))).toEqual(["LIMITE_REPROGRAMACIONES"]);
  });
  it("un bypass lo informa pero no bloquea", () => {
    const e = evaluarReglas([limite3], ctx({ numeroReprogramaciones: 3 }), ["LIMITE_REPROGRAMACIONES"]);
    expect(e.violadas).toEqual([]);
    expect(e.omitidas.map((v) => v.cumple)).toEqual([false]);
  });
});

describe("DIA_BLACKOUT en la zona de la agencia", () => {
  it("domingo 02:00 UTC es sábado 22:00 en La Paz: bloqueado como SABADO", () => {
    const domingoUtc = new Date("2026-11-29T02:00:00Z");
    expect(diaSemana(domingoUtc, ZONA)).toBe("SABADO");
    const e = evaluarReglas([finDeSemana], ctx({ nuevaFecha: domingoUtc }));
    expect(e.violadas[0].datos.dia_semana).toBe("SABADO");
  });
  it("lunes 03:00 UTC es domingo 23:00 en La Paz: bloqueado; lunes 04:00 UTC ya es lunes: permitido", () => {
    expect(violadas([finDeSemana], ctx({ nuevaFecha: new Date("2026-11-30T03:00:00Z") }))).toEqual(["DIA_BLACKOUT"]);
    expect(violadas([finDeSemana], ctx({ nuevaFecha: new Date("2026-11-30T04:00:00Z") }))).toEqual([]);
  });
  it("en otra zona horaria el mismo instante cae en otro día", () => {
    expect(diaSemana(new Date("2026-11-29T02:00:00Z"), "UTC")).toBe("DOMINGO");
  });
  it("FERIADOS bloquea los feriados nacionales de Bolivia y los locales de condiciones_extras", () => {
    const feriados = regla({
      tipoRegla: "DIA_BLACKOUT",
      valorTexto: "SABADO,DOMINGO,FERIADOS",
      condicionesExtras: { incluir_feriados_locales: ["2026-12-04"] },
    });
    const navidad = evaluarReglas([feriados], ctx({ nuevaFecha: new Date("2026-12-25T14:00:00Z") }));
    expect(navidad.violadas[0].datos.feriado).toBe("Navidad");
    expect(violadas([feriados], ctx({ nuevaFecha: new Date("2026-12-04T14:00:00Z") }))).toEqual(["DIA_BLACKOUT"]);
    expect(violadas([feriados], ctx({ nuevaFecha: new Date("2026-12-03T14:00:00Z") }))).toEqual([]);
    // 25/12 01:00 UTC es todavía 24/12 en La Paz: no es feriado.
    expect(violadas([feriados], ctx({ nuevaFecha: new Date("2026-12-25T01:00:00Z") }))).toEqual([]);
  });
  it("sin FERIADOS en la lista, un feriado entre semana está permitido", () => {
    expect(violadas([finDeSemana], ctx({ nuevaFecha: new Date("2026-12-25T14:00:00Z") }))).toEqual([]);
  });
  it("acepta días con tilde y minúsculas", () => {
    const miercoles = regla({ tipoRegla: "DIA_BLACKOUT", valorTexto: "miércoles" });
    expect(violadas([miercoles], ctx({ nuevaFecha: new Date("2026-12-02T14:00:00Z") }))).toEqual(["DIA_BLACKOUT"]);
  });
});

describe("feriados y calendario", () => {
  it("conoce feriados nacionales y no los de observancia", () => {
    expect(feriadoNacional("2026-08-06")).toBe("Día de la Independencia");
    expect(feriadoNacional("2026-03-19")).toBeNull();
  });
  it("desplazar días conserva la hora local", () => {
    const base = new Date("2026-11-29T18:30:00Z");
    expect(desplazarDias(base, 1, ZONA).toISOString()).toBe("2026-11-30T18:30:00.000Z");
    expect(fechaLocal(new Date("2026-11-30T03:59:00Z"), ZONA)).toBe("2026-11-29");
  });
});

describe("descuentos en Decimal", () => {
  it("5 % de 2400.00 = 120.00 → 2280.00; 15 % = 360.00 → 2040.00", () => {
    const cinco = calcularDescuento("2400.00", 5);
    expect([cinco.monto.toFixed(2), cinco.totalNuevo.toFixed(2)]).toEqual(["120.00", "2280.00"]);
    const quince = calcularDescuento("2400.00", 15);
    expect([quince.monto.toFixed(2), quince.totalNuevo.toFixed(2)]).toEqual(["360.00", "2040.00"]);
  });
  it("redondea al centavo sin errores de coma flotante", () => {
    expect(calcularDescuento("0.10", 50).monto.toFixed(2)).toBe("0.05");
    expect(calcularDescuento("3150.50", 12.5).monto.toFixed(2)).toBe("393.81");
    expect(calcularDescuento("999.99", 33.33).totalNuevo.toFixed(2)).toBe("666.69");
  });
});

describe("alternativas", () => {
  it("sugiere el día hábil anterior y los dos siguientes, a la misma hora, con cupo", () => {
    const domingo = new Date("2026-11-29T18:30:00Z");
    const ocupacion = { capacidadPorDefecto: 10, capacidades: new Map([["2026-11-30", 2]]), ocupadas: new Map([["2026-11-30", 2]]) };
    const permitida = (f: Date) => !["SABADO", "DOMINGO"].includes(diaSemana(f, ZONA));
    const sugerencias = buscarAlternativas(domingo, ZONA, ocupacion, permitida);
    expect(sugerencias.map((s) => s.dia)).toEqual(["2026-11-27", "2026-12-01", "2026-12-02"]);
    expect(sugerencias.every((s) => s.fecha.toISOString().endsWith("18:30:00.000Z"))).toBe(true);
  });
  it("clasifica la disponibilidad", () => {
    expect([nivelDisponibilidad(8, 15), nivelDisponibilidad(3, 15), nivelDisponibilidad(1, 15)]).toEqual(["ALTA", "MEDIA", "BAJA"]);
  });
});
