// SMS texts and mobile numbers: one GSM-7 segment, accents the alphabet lacks written down, the date
// in the agency's zone; Bolivian numbers normalised to E.164, fixed lines and junk refused.
import { afterEach, describe, expect, it } from "vitest";
import { LARGO_SMS, largoGsm7, textoGsm7 } from "@/lib/notificaciones/sms/gsm7";
import { smsOferta, smsReprogramacion } from "@/lib/notificaciones/sms/contenido";
import { clasificarErrorTwilio } from "@/lib/notificaciones/sms/transporte";
import { normalizarMovil, telefonoMovilSchema } from "@/lib/telefono";

afterEach(() => {
  delete process.env.APP_URL;
});

describe("texto GSM-7", () => {
  it("conserva é y ñ (están en GSM-7) y quita los acentos que no están", () => {
    expect(textoGsm7("Reprogramación: mañana, café, Potosí, Uyuni — ¿sí?")).toBe("Reprogramacion: mañana, café, Potosi, Uyuni ? ¿si?");
  });
  it("cuenta dos por cada carácter de la tabla de extensión", () => {
    expect(largoGsm7("a€b")).toBe(4);
  });
});

describe("textos de SMS", () => {
  it("la reprogramación cabe en un segmento con número, fecha en la zona y enlace", () => {
    process.env.APP_URL = "https://viajes.bo";
    const texto = smsReprogramacion({ agencia: "Agencia de Viajes", reservaId: 123456, destino: "Salar de Uyuni", fechaNueva: new Date("2026-12-05T14:30:00Z") }, "America/La_Paz");
    expect(texto).toBe("Agencia de Viajes: su reserva #123456 a Salar de Uyuni fue reprogramada al 05/12/2026, 10:30 (America/La_Paz). Detalle: https://viajes.bo/reservas/123456");
    expect(largoGsm7(texto)).toBeLessThanOrEqual(LARGO_SMS);
  });
  it("si el destino no cabe se omite antes que el enlace", () => {
    const texto = smsReprogramacion({ agencia: "Agencia de Viajes", reservaId: 1, destino: "Circuito Titicaca, Isla del Sol, Copacabana y Tiwanaku con guía", fechaNueva: new Date("2026-12-05T14:30:00Z") }, "America/La_Paz");
    expect(texto).not.toContain("Tiwanaku");
    expect(texto).toContain("/reservas/1");
    expect(largoGsm7(texto)).toBeLessThanOrEqual(LARGO_SMS);
  });
  it("la oferta de la lista de espera dice el día, hasta cuándo y el enlace", () => {
    const texto = smsOferta({ agencia: "Agencia de Viajes", reservaId: 42, dia: "2026-12-05", venceAt: new Date("2026-12-01T02:00:00Z") }, "America/La_Paz");
    expect(texto).toBe("Agencia de Viajes: se libero un lugar el 05/12/2026 para su reserva #42. Acepte antes del 30/11/2026, 22:00 (America/La_Paz): http://localhost:3000/reservas/42");
    expect(largoGsm7(texto)).toBeLessThanOrEqual(LARGO_SMS);
  });
});

describe("celulares", () => {
  it.each([
    ["+591 71234567", "+59171234567"],
    ["71234567", "+59171234567"],
    ["7 123 4567", "+59171234567"],
    ["+34 612 345 678", "+34612345678"],
  ])("%s → %s", (entrada, e164) => expect(normalizarMovil(entrada)).toBe(e164));
  it.each(["+591 2 2441234", "12", "hola", "+591 7123"])("%s no es un celular", (entrada) => expect(normalizarMovil(entrada)).toBeNull());
  it("el campo vacío es 'sin celular' y uno inválido da un mensaje claro", () => {
    expect(telefonoMovilSchema.parse("  ")).toBeNull();
    expect(telefonoMovilSchema.safeParse("123").error?.issues[0].message).toBe("Escriba un celular válido, por ejemplo +591 71234567");
  });
});

describe("errores de Twilio", () => {
  it("número inválido no se reintenta; 429 y 5xx sí; sin respuesta es RED", () => {
    expect(clasificarErrorTwilio({ status: 400, code: 21211 })).toMatchObject({ tipo: "DESTINATARIO_INVALIDO", reintentable: false });
    expect(clasificarErrorTwilio({ status: 400, code: 21610 })).toMatchObject({ tipo: "DESTINATARIO_INVALIDO", reintentable: false });
    expect(clasificarErrorTwilio({ status: 401, code: 20003 })).toMatchObject({ tipo: "PROVEEDOR", reintentable: false });
    expect(clasificarErrorTwilio({ status: 429, code: 20429 })).toMatchObject({ tipo: "PROVEEDOR", reintentable: true });
    expect(clasificarErrorTwilio({ status: 503 })).toMatchObject({ tipo: "PROVEEDOR", reintentable: true });
    expect(clasificarErrorTwilio({})).toMatchObject({ tipo: "RED", reintentable: true });
  });
});
