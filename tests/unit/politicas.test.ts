// The agency's policies, pure: refund tiers by notice (boundaries included, fixed fee, the timeline
// in the agency's zone), change fees by amount or percentage, transfer deadlines, tier validation,
// and which rule decides (applicability, priority, the settings' defaults).
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { politicasDe } from "@/lib/politicas/aplicables";
import { costoDeCambio, costoReprogramacionSchema, cotizarCancelacion, evaluarTransferencia, politicaCancelacionSchema, politicaDe } from "@/lib/politicas/politicas";
import type { Regla } from "@/lib/reprogramacion/reglas";
import type { ReservaCompleta } from "@/lib/reservas/serializar";

const ZONA = "America/La_Paz";
const H = 3_600_000;
// Friday 2027-03-19 10:00 in La Paz (14:00 UTC).
const INICIO = new Date("2027-03-19T14:00:00Z");
const reserva = { fechaInicio: INICIO, total: "2400.00", estado: "CONFIRMADA" };
const SEMILLA = { tramos: [{ desde_horas: 168, porcentaje: 100 }, { desde_horas: 72, porcentaje: 70 }, { desde_horas: 24, porcentaje: 50 }, { desde_horas: 0, porcentaje: 0 }] };
const antes = (horas: number) => new Date(INICIO.getTime() - horas * H);

describe("cotizarCancelacion", () => {
  it.each([
    [200, 100, "2400.00"],
    [168, 100, "2400.00"],
    [167.99, 70, "1680.00"],
    [72, 70, "1680.00"],
    [30, 50, "1200.00"],
    [24, 50, "1200.00"],
    [23.5, 0, "0.00"],
  ])("%s h antes: %s %% = %s", (horas, porcentaje, monto) => {
    expect(cotizarCancelacion(SEMILLA, reserva, antes(horas), ZONA)).toMatchObject({ puede_cancelar: true, porcentaje_reembolso: porcentaje, monto_reembolso: monto });
  });

  it("la línea de tiempo da el instante en que cambia cada tramo, en la hora de la agencia, y marca el vigente", () => {
    const c = cotizarCancelacion(SEMILLA, reserva, antes(100), ZONA);
    expect(c.linea_tiempo.map((t) => [t.porcentaje, t.hasta, t.vigente])).toEqual([
      [100, "2027-03-12T14:00:00.000Z", false],
      [70, "2027-03-16T14:00:00.000Z", true],
      [50, "2027-03-18T14:00:00.000Z", false],
      [0, "2027-03-19T14:00:00.000Z", false],
    ]);
    // 14:00 UTC is 10:00 in La Paz (UTC-4).
    expect(c.linea_tiempo[1].texto).toMatch(/^hasta el 16\/03\/2027,? 10:00: 70 %$/);
    expect(c.linea_tiempo[3].texto).toMatch(/^hasta el inicio 19\/03\/2027,? 10:00: 0 %$/);
    expect(c.cambia_at).toBe("2027-03-16T14:00:00.000Z");
  });

  it("el cargo fijo se descuenta del reembolso sin dejarlo negativo; los tramos pueden venir en cualquier orden", () => {
    const politica = { tramos: [{ desde_horas: 0, porcentaje: 10 }, { desde_horas: 48, porcentaje: 80 }], costo_fijo: "300.00" };
    expect(cotizarCancelacion(politica, reserva, antes(50), ZONA)).toMatchObject({ porcentaje_reembolso: 80, monto_reembolso: "1620.00", costo_cancelacion: "300.00" });
    expect(cotizarCancelacion(politica, reserva, antes(10), ZONA)).toMatchObject({ porcentaje_reembolso: 10, monto_reembolso: "0.00", costo_cancelacion: "240.00" });
  });

  it("con el viaje empezado, o la reserva cancelada o completada, no se puede cancelar", () => {
    expect(cotizarCancelacion(SEMILLA, reserva, antes(-1), ZONA)).toMatchObject({ puede_cancelar: false, razon: "El viaje ya comenzó: no se puede cancelar.", monto_reembolso: "0.00", cambia_at: null });
    expect(cotizarCancelacion(SEMILLA, { ...reserva, estado: "CANCELADA" }, antes(200), ZONA).razon).toBe("La reserva ya está cancelada.");
    expect(cotizarCancelacion(SEMILLA, { ...reserva, estado: "COMPLETADA" }, antes(200), ZONA).puede_cancelar).toBe(false);
  });

  it("el redondeo es a centavos, mitad hacia arriba", () => {
    expect(cotizarCancelacion({ tramos: [{ desde_horas: 0, porcentaje: 33 }] }, { ...reserva, total: "100.05" }, antes(5), ZONA).monto_reembolso).toBe("33.02");
  });
});

describe("costoDeCambio y evaluarTransferencia", () => {
  const costo = { tramos: [{ desde_horas: 72, monto: "0.00" }, { desde_horas: 24, porcentaje: 5 }, { desde_horas: 0, monto: "50.00" }] };
  it.each([[100, "0.00"], [72, "0.00"], [48, "120.00"], [3, "50.00"], [-2, "0.00"]])("%s h antes cuesta %s", (horas, monto) => {
    expect(costoDeCambio(costo, reserva, antes(horas)).toFixed(2)).toBe(monto);
  });

  it("la transferencia se acepta hasta su plazo, con su costo; sin política o no permitida, se rechaza con el mensaje", () => {
    const politica = { permitida: true, costo: "25.00", hasta_horas: 24 };
    expect(evaluarTransferencia(politica, reserva, antes(24), ZONA)).toEqual({ permitida: true, razon: null, costo: "25.00", fecha_limite: "2027-03-18T14:00:00.000Z" });
    expect(evaluarTransferencia(politica, reserva, antes(23), ZONA, "Hasta 24 horas antes")).toMatchObject({ permitida: false, razon: "Hasta 24 horas antes" });
    expect(evaluarTransferencia(null, reserva, antes(100), ZONA).razon).toBe("La agencia no permite transferir reservas a otra persona.");
    expect(evaluarTransferencia({ ...politica, permitida: false }, reserva, antes(100), ZONA).permitida).toBe(false);
  });
});

describe("validación de tramos", () => {
  it("dos tramos con las mismas horas se superponen: error en el segundo; porcentajes de 0 a 100", () => {
    const r = politicaCancelacionSchema.safeParse({ tramos: [{ desde_horas: 24, porcentaje: 50 }, { desde_horas: 24, porcentaje: 70 }, { desde_horas: 0, porcentaje: 120 }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["tramos.2.porcentaje", "Máximo 100 %"],
      ["tramos.1.desde_horas", "Ya hay un tramo desde 24 horas: los tramos no pueden superponerse"],
    ]);
  });

  it("un tramo de costo lleva monto o porcentaje, uno de los dos; las condiciones ajenas a la política se ignoran al leerla", () => {
    expect(costoReprogramacionSchema.safeParse({ tramos: [{ desde_horas: 0, monto: "5.00", porcentaje: 5 }] }).success).toBe(false);
    expect(politicaDe(politicaCancelacionSchema, { ...SEMILLA, solo_clientes_vip: true })).toEqual(SEMILLA);
    expect(politicaDe(politicaCancelacionSchema, { tramos: "mal" })).toBeNull();
  });
});

describe("politicasDe", () => {
  const regla = (id: number, extra: Partial<Regla>): Regla => ({
    id, nombre: `Regla ${id}`, tipoRegla: "POLITICA_CANCELACION", aplicableA: "TODOS", valorNumerico: null, valorTexto: null, activa: true, prioridad: 10, mensajeError: "No", fechaInicioVigencia: null, fechaFinVigencia: null, condicionesExtras: SEMILLA, ...extra,
  });
  const config = { porcentajeReembolso: 70, porcentajeReembolsoTardio: 50, costoReprogramacion: new Prisma.Decimal("0") };
  const r = { ...reserva, numeroReprogramaciones: 0, usuario: { nivel: "PLATINUM" } } as unknown as ReservaCompleta;
  const ahora = antes(100);

  it("decide la aplicable de mayor prioridad; la VIP gana para un cliente VIP", () => {
    const vip = regla(2, { prioridad: 1, condicionesExtras: { tramos: [{ desde_horas: 0, porcentaje: 100 }], solo_clientes_vip: true } });
    const p = politicasDe([regla(1, {}), vip], config, r, "CLIENTE", ahora, ZONA);
    expect(p.cancelacion.regla?.id).toBe(2);
    const bronce = { ...r, usuario: { nivel: "BRONZE" } } as unknown as ReservaCompleta;
    expect(politicasDe([regla(1, {}), vip], config, bronce, "CLIENTE", ahora, ZONA).cancelacion.regla?.id).toBe(1);
  });

  it("la cancelación se cotiza para el cliente aunque actúe un operador; el costo de cambio sigue a quién actúa", () => {
    const soloClientes = regla(3, { aplicableA: "CLIENTE" });
    const costoClientes = regla(4, { tipoRegla: "COSTO_REPROGRAMACION", aplicableA: "CLIENTE", condicionesExtras: { tramos: [{ desde_horas: 0, monto: "50.00" }] } });
    const p = politicasDe([soloClientes, costoClientes], config, r, "OPERADOR", ahora, ZONA);
    expect(p.cancelacion.regla?.id).toBe(3);
    expect(p.costo.politica).toBeNull();
    expect(politicasDe([soloClientes, costoClientes], config, r, "CLIENTE", ahora, ZONA).costo.politica).toEqual({ tramos: [{ desde_horas: 0, monto: "50.00" }] });
  });

  it("sin reglas de política: los porcentajes de la configuración (desde 24 h y tardío) y sin transferencia", () => {
    const p = politicasDe([], config, r, "CLIENTE", ahora, ZONA);
    expect(p.cancelacion).toEqual({ regla: null, politica: { tramos: [{ desde_horas: 24, porcentaje: 70 }, { desde_horas: 0, porcentaje: 50 }] } });
    expect(p.transferencia.politica).toBeNull();
    expect(p.costo.politica).toBeNull();
  });
});
