// Reading an agency's CSV export: both separators, BOM, es-BO amounts, each problem named by line and
// column in Spanish, repeated codes inside the file, and what is refused as a whole file.
import { describe, expect, it } from "vitest";
import { ErrorDominio } from "@/lib/errores";
import { fechaDeTexto, filasDelArchivo, leerCsv, montoDeTexto, PLANTILLA_CSV } from "@/lib/importacion/csv";

const ZONA = "America/La_Paz";
const ENCABEZADO = "referencia,cliente_email,cliente_nombre,cliente_apellido,cliente_celular,destino,fecha_inicio,total,moneda,servicios,estado";
const conComas = [
  ENCABEZADO,
  'AG-1,ana@correo.bo,Ana,Quispe,71234567,Salar de Uyuni,2027-03-15 08:30,2400.00,BOB,"TOUR|Tour 3 días|1800.00;HOTEL|Hotel de sal|600.00",',
  "AG-2,luis@correo.bo,Luis,Mamani,,Lago Titicaca,2027-03-16T10:00:00-04:00,1500,,,CANCELADA",
].join("\r\n");
// The same file as LibreOffice in es-BO writes it: `;` separators and `2.400,00` amounts.
const conPuntoYComa = [
  ENCABEZADO.replaceAll(",", ";"),
  'AG-1;ana@correo.bo;Ana;Quispe;71234567;Salar de Uyuni;2027-03-15 08:30;2.400,00;BOB;"TOUR|Tour 3 días|1.800,00;HOTEL|Hotel de sal|600,00";',
  "AG-2;luis@correo.bo;Luis;Mamani;;Lago Titicaca;2027-03-16T10:00:00-04:00;1.500,00;;;CANCELADA",
].join("\n");

const validas = (contenido: string) => filasDelArchivo(contenido, ZONA).map((r) => (r.ok ? r.fila : r));

describe("lectura del CSV", () => {
  it("con comas o con punto y coma, con o sin BOM, da las mismas filas", () => {
    const esperado = [
      {
        linea: 2,
        referencia: "AG-1",
        cliente: { email: "ana@correo.bo", nombre: "Ana", apellido: "Quispe", celular: "+59171234567" },
        destino: "Salar de Uyuni",
        fechaInicio: new Date("2027-03-15T12:30:00.000Z"),
        total: "2400.00",
        moneda: "BOB",
        servicios: [{ tipo: "TOUR", descripcion: "Tour 3 días", precio: "1800.00" }, { tipo: "HOTEL", descripcion: "Hotel de sal", precio: "600.00" }],
        estado: "CONFIRMADA",
      },
      { linea: 3, referencia: "AG-2", cliente: { email: "luis@correo.bo", nombre: "Luis", apellido: "Mamani", celular: null }, destino: "Lago Titicaca", fechaInicio: new Date("2027-03-16T14:00:00.000Z"), total: "1500.00", moneda: "BOB", servicios: [], estado: "CANCELADA" },
    ];
    expect(validas(conComas)).toEqual(esperado);
    expect(validas(conPuntoYComa)).toEqual(esperado);
    expect(validas(`\uFEFF${conPuntoYComa}`)).toEqual(esperado);
  });

  it("la plantilla descargable se lee sin errores", () => {
    expect(filasDelArchivo(PLANTILLA_CSV, ZONA).every((r) => r.ok)).toBe(true);
  });

  it("cada problema con su línea, su columna y el motivo; una referencia repetida en el archivo es error de la línea posterior", () => {
    const archivo = [
      ENCABEZADO,
      "AG-1,ana@correo.bo,Ana,Quispe,,Uyuni,2027-02-30 08:00,100.00,BOB,,",
      "AG-2,luis@correo.bo,Luis,Mamani,,Uyuni,2027-03-01 08:00,100.00,XYZ,,",
      "AG-3,luis@correo.bo,Luis,Mamani,,Uyuni,2027-03-01 08:00,100.00,BOB,,",
      "AG-3,rosa@correo.bo,Rosa,Choque,,Uyuni,2027-03-02 08:00,100.00,BOB,,",
      "AG-5,no-es-correo,Rosa,Choque,123,Uyuni,2027-03-02 08:00,cien,BOB,TOUR|sin precio,PENDIENTE",
    ].join("\n");
    const errores = filasDelArchivo(archivo, ZONA).filter((r) => !r.ok).flatMap((r) => (r.ok ? [] : r.errores.map((e) => [e.linea, e.columna, e.mensaje])));
    expect(errores).toEqual([
      [2, "fecha_inicio", "La fecha «2027-02-30 08:00» no es válida: use AAAA-MM-DD HH:mm (hora de America/La_Paz) o ISO 8601 con zona."],
      [3, "moneda", "La moneda «XYZ» no existe: use un código ISO 4217 como BOB o USD."],
      [5, "referencia", "La referencia «AG-3» ya está en la línea 4 del archivo."],
      [6, "cliente_email", "El correo del cliente no es válido."],
      [6, "cliente_celular", "El celular no es válido; por ejemplo +591 71234567."],
      [6, "total", "El total «cien» no es un monto: use 2400.00 o 2.400,00."],
      [6, "servicios", "El servicio 1 («TOUR|sin precio») debe ser tipo|descripción|precio, por ejemplo TOUR|Tour 3 días|1800.00."],
      [6, "estado", "El estado «PENDIENTE» no se importa: use CONFIRMADA, CANCELADA o COMPLETADA."],
    ]);
  });

  it("rechaza el archivo entero si no sirve: vacío, solo encabezados, sin columnas requeridas, binario, o más de 20.000 filas", () => {
    const codigo = (contenido: string | Buffer) => {
      try {
        leerCsv(contenido);
        return "OK";
      } catch (e) {
        return e instanceof ErrorDominio ? `${e.status} ${e.errorCode}` : String(e);
      }
    };
    expect(codigo("")).toBe("400 ARCHIVO_VACIO");
    expect(codigo(ENCABEZADO)).toBe("400 ARCHIVO_VACIO");
    expect(codigo("referencia,destino\nAG-1,Uyuni")).toBe("400 ENCABEZADO_FALTANTE");
    expect(codigo(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe]))).toBe("400 ARCHIVO_NO_CSV");
    const fila = "AG,ana@correo.bo,Ana,Quispe,,Uyuni,2027-03-15 08:30,1.00,BOB,,";
    expect(codigo([ENCABEZADO, ...Array.from({ length: 20_001 }, () => fila)].join("\n"))).toBe("400 ARCHIVO_DEMASIADO_GRANDE");
  });
});

describe("montos y fechas", () => {
  it.each([
    ["2400.00", "2400.00"],
    ["2400", "2400.00"],
    ["2.400,00", "2400.00"],
    ["2400,5", "2400.50"],
    ["1,234.50", "1234.50"],
    ["12.345.678,90", "12345678.90"],
  ])("%s → %s", (texto, monto) => expect(montoDeTexto(texto)).toBe(monto));
  it.each(["-5", "2.40.0", "1e3", "abc", "12345678901.00", "2400.001"])("%s no es un monto", (texto) => expect(montoDeTexto(texto)).toBeNull());
  it("la hora local es de la zona de la agencia; ISO con zona se respeta; una fecha imposible o sin zona no", () => {
    expect(fechaDeTexto("2027-03-15 08:30", ZONA)?.toISOString()).toBe("2027-03-15T12:30:00.000Z");
    expect(fechaDeTexto("2027-03-15T08:30:00Z", ZONA)?.toISOString()).toBe("2027-03-15T08:30:00.000Z");
    expect(fechaDeTexto("2027-02-29 08:30", ZONA)).toBeNull();
    expect(fechaDeTexto("2027-03-15T08:30:00", ZONA)).toBeNull();
    expect(fechaDeTexto("15/03/2027 08:30", ZONA)).toBeNull();
  });
});
