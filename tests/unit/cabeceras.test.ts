// Response headers set by proxy.ts: HSTS only behind https; request ids that are safe to log.
import { describe, expect, it } from "vitest";
import { cabecerasComunes, idDeSolicitud } from "@/lib/seguridad/cabeceras";

describe("cabeceras comunes", () => {
  it("Strict-Transport-Security solo cuando la dirección pública es https", () => {
    expect(cabecerasComunes("https://reservas.agencia.bo")["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(cabecerasComunes("http://localhost:3000")["strict-transport-security"]).toBeUndefined();
    expect(cabecerasComunes("")["strict-transport-security"]).toBeUndefined();
    expect(cabecerasComunes("https://x.bo")["x-frame-options"]).toBe("DENY");
  });

  it("id de solicitud: se conserva uno simple de un proxy; correos, teléfonos y rarezas se reemplazan", () => {
    expect(idDeSolicitud("lb-7f3a9c2e4b1d8e60")).toBe("lb-7f3a9c2e4b1d8e60");
    for (const raro of [null, "", "corto", "ana@correo.bo", "59171234567123456", "a b c d e f g h i j", "x".repeat(81)]) {
      const id = idDeSolicitud(raro);
      expect(id, String(raro)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(idDeSolicitud(null)).not.toBe(idDeSolicitud(null));
  });
});
