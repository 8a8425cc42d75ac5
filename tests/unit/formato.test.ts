import { describe, expect, it } from "vitest";
import { formatearMonto } from "@/lib/formato/dinero";
import { formatearFechaHora } from "@/lib/formato/fecha";

describe("formatearMonto", () => {
  it("escribe bolivianos con punto de miles y coma decimal", () => {
    expect(formatearMonto("2400.00")).toBe("Bs 2.400,00");
    expect(formatearMonto("1234567.5")).toBe("Bs 1.234.567,50");
    expect(formatearMonto("0.00")).toBe("Bs 0,00");
    expect(formatearMonto("-120.00")).toBe("-Bs 120,00");
  });
});

describe("formatearFechaHora", () => {
  it("muestra la hora local de la agencia y nombra la zona", () => {
    // 02:00 UTC del domingo es sábado 22:00 en La Paz (UTC-4).
    const texto = formatearFechaHora("2026-11-29T02:00:00Z", "America/La_Paz");
    expect(texto).toContain("sábado");
    expect(texto).toContain("22:00");
    expect(texto).toContain("America/La_Paz");
  });
});
