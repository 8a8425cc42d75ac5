// The validation primitives every payload uses: what PostgreSQL can store, nothing else.
import { describe, expect, it } from "vitest";
import { configuracionEntregas, esperaAntesDeReintentar } from "@/lib/notificaciones/config";
import { direccionCliente } from "@/lib/seguridad/limite-tasa";
import { fechaIso, idDeConsulta, idEntero, porcentaje, PROFUNDIDAD_MAXIMA_JSON, profundidadJson, rutaDeTextoInseguro, texto } from "@/lib/validacion";

describe("primitivas de validación", () => {
  it("dirección del cliente: la última de X-Forwarded-For, o la anterior a los proxies confiables", () => {
    const h = new Headers({ "x-forwarded-for": "6.6.6.6, 200.87.1.2, 10.0.0.5" });
    expect(direccionCliente(h, 0)).toBe("10.0.0.5");
    expect(direccionCliente(h, 1)).toBe("200.87.1.2");
    // More proxies declared than hops: the leftmost entry, never beyond it.
    expect(direccionCliente(h, 5)).toBe("6.6.6.6");
    expect(direccionCliente(new Headers(), 1)).toBe("desconocida");
  });

  it("profundidad de JSON: cuenta objetos y listas, no los corchetes dentro de cadenas", () => {
    expect(profundidadJson('{"a":[1,{"b":2}]}')).toBe(3);
    expect(profundidadJson('{"m":"[[[[{{{{\\"[[["}')).toBe(1);
    expect(profundidadJson("12")).toBe(0);
    const hondo = "[".repeat(50_000) + "]".repeat(50_000);
    // It stops counting once past the limit, so a huge document costs no more than the limit.
    expect(profundidadJson(hondo)).toBe(PROFUNDIDAD_MAXIMA_JSON + 1);
    expect(profundidadJson("[".repeat(PROFUNDIDAD_MAXIMA_JSON) + "]".repeat(PROFUNDIDAD_MAXIMA_JSON))).toBe(PROFUNDIDAD_MAXIMA_JSON);
  });

  it("fechas: solo instantes ISO con zona entre los años 2000 y 2100", () => {
    const f = fechaIso("requerida");
    expect(f.safeParse("2027-03-01T10:00:00-04:00").success).toBe(true);
    expect(f.safeParse("2100-12-31T23:59:59Z").success).toBe(true);
    for (const mala of ["9999-12-31T20:00:00-04:00", "0000-01-01T00:00:00Z", "+010000-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z", "2027-02-31T10:00:00Z"])
      expect(f.safeParse(mala).success, mala).toBe(false);
  });

  it("texto: rechaza NUL, controles y surrogates sueltos; acepta saltos de línea, tildes y emoji", () => {
    const t = texto(50, { min: 3 });
    expect(t.parse("  Línea uno\nlínea dos 🙂 ")).toBe("Línea uno\nlínea dos 🙂");
    for (const malo of ["a\u0000b", "esc\u001b[0m", "del\u007f", "c1\u0085", "alto \ud800", "bajo \udc00", "al revés \udc00\ud800"]) expect(t.safeParse(malo).success, JSON.stringify(malo)).toBe(false);
    expect(t.safeParse("a".repeat(51)).success).toBe(false);
    expect(t.safeParse("  ab  ").success).toBe(false);
  });

  it("en un cuerpo JSON, encuentra el texto inseguro en claves y valores a cualquier profundidad", () => {
    expect(rutaDeTextoInseguro({ a: [1, { b: "ok" }], c: "🙂" })).toBeNull();
    expect(rutaDeTextoInseguro({ a: [1, { b: "x\u0000" }] })).toBe("a.1.b");
    expect(rutaDeTextoInseguro({ condiciones: { "k\ud800": true } })).toBe("condiciones.(clave)");
  });

  it("ids: enteros positivos dentro de int4, en cuerpos y en consultas", () => {
    expect(idEntero().safeParse(2147483647).success).toBe(true);
    for (const malo of [0, -1, 1.5, 2147483648, 9007199254740991]) expect(idEntero().safeParse(malo).success, String(malo)).toBe(false);
    expect(idDeConsulta.parse("42")).toBe(42);
    for (const malo of ["0x10", "1e3", " 7", "2147483648", "9007199254740991", ""]) expect(idDeConsulta.safeParse(malo).success, malo).toBe(false);
  });

  it("porcentajes: mayores a 0, hasta 100, con a lo sumo dos decimales", () => {
    for (const bueno of [0.01, 5, 12.5, 33.33, 100]) expect(porcentaje.safeParse(bueno).success, String(bueno)).toBe(true);
    for (const malo of [0, 1e-300, 0.001, 12.345, 100.01]) expect(porcentaje.safeParse(malo).success, String(malo)).toBe(false);
  });
});

describe("reintentos por defecto", () => {
  it("aguantan un incidente del proveedor de varios minutos antes de descartar", () => {
    const anterior = { ...process.env };
    delete process.env.NOTIFICACIONES_MAX_INTENTOS;
    delete process.env.NOTIFICACIONES_ESPERA_BASE_MS;
    delete process.env.NOTIFICACIONES_ESPERA_MAXIMA_MS;
    try {
      const { maxIntentos, esperaBaseMs, esperaMaximaMs } = configuracionEntregas();
      const esperas = Array.from({ length: maxIntentos - 1 }, (_, i) => esperaAntesDeReintentar(i + 1, esperaBaseMs, undefined, esperaMaximaMs));
      expect(esperas).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000]);
      expect(esperas.reduce((a, b) => a + b, 0)).toBeGreaterThan(10 * 60_000 - 1);
      // A 60 s outage: the 5th attempt comes 75 s after the first, after the provider is back.
      expect(esperas.slice(0, 4).reduce((a, b) => a + b, 0)).toBeGreaterThan(60_000);
      expect(esperaAntesDeReintentar(2, esperaBaseMs, 900_000, esperaMaximaMs)).toBe(900_000);
    } finally {
      process.env = anterior;
    }
  });
});
