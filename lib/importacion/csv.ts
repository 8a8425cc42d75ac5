// Reading an agency's booking export (the first step of the CSV import): UTF-8 with or without BOM,
// `,` or `;` as separator (Excel and LibreOffice in es-BO write `;` with `2.400,00` amounts), the
// documented Spanish headers, and one typed row or a Spanish reason per line and column. Pure: no
// database; what a row then does (create, update, unchanged, conflict) is decided against the data.
import { parse } from "csv-parse/sync";
import { ErrorDominio } from "@/lib/errores";
import { EstadoReserva } from "@/lib/generated/prisma/enums";
import { enFechaLocal } from "@/lib/reprogramacion/calendario";
import { normalizarMovil } from "@/lib/telefono";
import { emailSchema, esTextoSeguro, FECHA_MAXIMA, FECHA_MINIMA, MENSAJE_CARACTERES } from "@/lib/validacion";

export const BYTES_MAXIMOS = 5 * 1024 * 1024;
export const FILAS_MAXIMAS = 20_000;
export const MENSAJE_DEMASIADO_GRANDE = `El archivo pesa más de 5 MB. Divídalo en partes de hasta ${FILAS_MAXIMAS.toLocaleString("es-BO")} filas.`;

export const COLUMNAS = ["referencia", "cliente_email", "cliente_nombre", "cliente_apellido", "cliente_celular", "destino", "fecha_inicio", "total", "moneda", "servicios", "estado"] as const;
export const COLUMNAS_REQUERIDAS = ["referencia", "cliente_email", "cliente_nombre", "cliente_apellido", "destino", "fecha_inicio", "total"] as const;
type Columna = (typeof COLUMNAS)[number];

/** The template offered for download: the headers and one example row. */
export const PLANTILLA_CSV = `${COLUMNAS.join(",")}\nAG-2027-0001,juan.perez@correo.bo,Juan,Pérez,+591 71234567,Salar de Uyuni,2027-03-15 08:30,2400.00,BOB,"TOUR|Tour 3 días|1800.00;HOTEL|Hotel de sal|600.00",CONFIRMADA\n`;

export interface FilaImportada {
  linea: number;
  referencia: string;
  cliente: { email: string; nombre: string; apellido: string; celular: string | null };
  destino: string;
  fechaInicio: Date;
  /** Two decimals, dot as separator ("2400.00"). */
  total: string;
  moneda: string;
  servicios: { tipo: string; descripcion: string; precio: string }[];
  estado: "CONFIRMADA" | "CANCELADA" | "COMPLETADA";
}

export interface ErrorDeFila {
  linea: number;
  columna: Columna | null;
  mensaje: string;
}

export type ResultadoFila = { ok: true; fila: FilaImportada } | { ok: false; linea: number; referencia: string | null; errores: ErrorDeFila[] };

const errorDeArchivo = (codigo: string, detail: string) => new ErrorDominio(400, codigo, detail);

/** The separator of the header line: the one of `;` and `,` it uses more (a header has no quoted commas). */
function separador(primeraLinea: string): ";" | "," {
  const contar = (c: string) => primeraLinea.split(c).length - 1;
  return contar(";") > contar(",") ? ";" : ",";
}

const MONEDAS = new Set(Intl.supportedValuesOf("currency"));
const ESTADOS_IMPORTABLES = new Set<string>([EstadoReserva.CONFIRMADA, EstadoReserva.CANCELADA, EstadoReserva.COMPLETADA]);

/** "2400.00", "2400", "2.400,00", "2400,5": an amount with at most two decimals, as "2400.00"; null if not one. */
export function montoDeTexto(texto: string): string | null {
  const t = texto.replace(/\s/g, "");
  let normal: string | null = null;
  if (/^\d+(\.\d{1,2})?$/.test(t)) normal = t;
  else if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(t) || /^\d+(,\d{1,2})?$/.test(t)) normal = t.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(t)) normal = t.replace(/,/g, "");
  if (normal === null) return null;
  const [entero, decimales = ""] = normal.split(".");
  if (entero.replace(/^0+(?=\d)/, "").length > 10) return null;
  return `${entero.replace(/^0+(?=\d)/, "")}.${decimales.padEnd(2, "0")}`;
}

/** "AAAA-MM-DD HH:mm" in the agency's zone, or ISO 8601 with its offset; null if neither or not a real date. */
export function fechaDeTexto(texto: string, zona: string): Date | null {
  const local = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(texto.trim());
  if (local) {
    const [, , mes, dia, hora, minuto] = local.map(Number);
    if (mes < 1 || mes > 12 || dia < 1 || dia > 31 || hora > 23 || minuto > 59) return null;
    const fecha = enFechaLocal(`${local[1]}-${local[2]}-${local[3]}`, hora, minuto, zona);
    // 2027-02-30 rolls over to March: not a real date.
    const comprobado = new Intl.DateTimeFormat("en-CA", { timeZone: zona, year: "numeric", month: "2-digit", day: "2-digit" }).format(fecha);
    return comprobado === `${local[1]}-${local[2]}-${local[3]}` ? fecha : null;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(texto.trim())) {
    const fecha = new Date(texto.trim());
    return Number.isNaN(fecha.getTime()) ? null : fecha;
  }
  return null;
}

/** Parses the file into records keyed by header; refuses what is not a usable CSV (400, nothing read further). */
export function leerCsv(contenido: Buffer | string): { registros: { linea: number; valores: Partial<Record<Columna, string>> }[] } {
  const bytes = typeof contenido === "string" ? Buffer.byteLength(contenido) : contenido.length;
  if (bytes > BYTES_MAXIMOS) throw errorDeArchivo("ARCHIVO_DEMASIADO_GRANDE", MENSAJE_DEMASIADO_GRANDE);
  const texto = (typeof contenido === "string" ? contenido : contenido.toString("utf8")).replace(/^\uFEFF/, "");
  if (texto.includes("\u0000") || texto.includes("\uFFFD")) throw errorDeArchivo("ARCHIVO_NO_CSV", "El archivo no es un CSV de texto en UTF-8. Guárdelo como «CSV UTF-8» desde su planilla.");
  if (!texto.trim()) throw errorDeArchivo("ARCHIVO_VACIO", "El archivo está vacío.");
  let filas: { record: string[]; info: { lines: number } }[];
  try {
    filas = parse(texto, { delimiter: separador(texto.split(/\r?\n/, 1)[0]), bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof filas;
  } catch (error) {
    throw errorDeArchivo("ARCHIVO_NO_CSV", `El archivo no se pudo leer como CSV: ${(error as Error).message.split(":")[0]}. Revise las comillas.`);
  }
  const [encabezado, ...datos] = filas;
  const columnas = encabezado.record.map((c) => c.trim().toLowerCase());
  const faltantes = COLUMNAS_REQUERIDAS.filter((c) => !columnas.includes(c));
  if (faltantes.length) throw errorDeArchivo("ENCABEZADO_FALTANTE", `Faltan columnas en la primera fila: ${faltantes.join(", ")}. Descargue la plantilla para ver los encabezados.`);
  if (datos.length === 0) throw errorDeArchivo("ARCHIVO_VACIO", "El archivo solo tiene encabezados: no hay reservas para importar.");
  if (datos.length > FILAS_MAXIMAS) throw errorDeArchivo("ARCHIVO_DEMASIADO_GRANDE", `El archivo tiene ${datos.length.toLocaleString("es-BO")} filas; el máximo es ${FILAS_MAXIMAS.toLocaleString("es-BO")}.`);
  return {
    registros: datos.map(({ record, info }) => ({
      linea: info.lines,
      valores: Object.fromEntries(columnas.map((c, i) => [c, record[i] ?? ""]).filter(([c]) => (COLUMNAS as readonly string[]).includes(c))) as Partial<Record<Columna, string>>,
    })),
  };
}

/** One record as a booking, or every problem of it by column, in Spanish. */
export function filaDeRegistro(linea: number, v: Partial<Record<Columna, string>>, zona: string): ResultadoFila {
  const errores: ErrorDeFila[] = [];
  const falta = (columna: Columna, mensaje: string) => errores.push({ linea, columna, mensaje });
  const texto = (columna: Columna, max: number, nombre: string) => {
    const t = (v[columna] ?? "").trim();
    if (!t) falta(columna, `Falta ${nombre}.`);
    else if (t.length > max) falta(columna, `${nombre[0].toUpperCase()}${nombre.slice(1)} tiene más de ${max} caracteres.`);
    return t;
  };
  for (const [columna, valor] of Object.entries(v) as [Columna, string][]) if (!esTextoSeguro(valor)) falta(columna, `${MENSAJE_CARACTERES}.`);
  const referencia = texto("referencia", 100, "la referencia");
  const email = emailSchema.safeParse(v.cliente_email ?? "");
  if (!email.success) falta("cliente_email", (v.cliente_email ?? "").trim() ? "El correo del cliente no es válido." : "Falta el correo del cliente.");
  const nombre = texto("cliente_nombre", 100, "el nombre del cliente");
  const apellido = texto("cliente_apellido", 100, "el apellido del cliente");
  const celularTexto = (v.cliente_celular ?? "").trim();
  const celular = celularTexto ? normalizarMovil(celularTexto) : null;
  if (celularTexto && !celular) falta("cliente_celular", "El celular no es válido; por ejemplo +591 71234567.");
  const destino = texto("destino", 200, "el destino");
  const fechaTexto = (v.fecha_inicio ?? "").trim();
  const fechaInicio = fechaTexto ? fechaDeTexto(fechaTexto, zona) : null;
  if (!fechaTexto) falta("fecha_inicio", "Falta la fecha de inicio.");
  else if (!fechaInicio) falta("fecha_inicio", `La fecha «${fechaTexto}» no es válida: use AAAA-MM-DD HH:mm (hora de ${zona}) o ISO 8601 con zona.`);
  else if (fechaInicio < FECHA_MINIMA || fechaInicio > FECHA_MAXIMA) falta("fecha_inicio", `La fecha «${fechaTexto}» está fuera de los años 2000 a 2100.`);
  const totalTexto = (v.total ?? "").trim();
  const total = totalTexto ? montoDeTexto(totalTexto) : null;
  if (!totalTexto) falta("total", "Falta el total.");
  else if (!total) falta("total", `El total «${totalTexto}» no es un monto: use 2400.00 o 2.400,00.`);
  const moneda = ((v.moneda ?? "").trim() || "BOB").toUpperCase();
  if (!MONEDAS.has(moneda)) falta("moneda", `La moneda «${moneda}» no existe: use un código ISO 4217 como BOB o USD.`);
  const servicios: FilaImportada["servicios"] = [];
  for (const [i, parte] of (v.servicios ?? "").split(";").map((s) => s.trim()).filter(Boolean).entries()) {
    const [tipo = "", descripcion = "", precioTexto = "", ...resto] = parte.split("|").map((s) => s.trim());
    const precio = montoDeTexto(precioTexto);
    if (resto.length || tipo.length < 2 || descripcion.length < 2 || !precio) falta("servicios", `El servicio ${i + 1} («${parte}») debe ser tipo|descripción|precio, por ejemplo TOUR|Tour 3 días|1800.00.`);
    else servicios.push({ tipo, descripcion, precio });
  }
  const estado = ((v.estado ?? "").trim() || "CONFIRMADA").toUpperCase();
  if (!ESTADOS_IMPORTABLES.has(estado)) falta("estado", `El estado «${estado}» no se importa: use CONFIRMADA, CANCELADA o COMPLETADA.`);
  if (errores.length) return { ok: false, linea, referencia: referencia || null, errores };
  return {
    ok: true,
    fila: { linea, referencia, cliente: { email: email.data!, nombre, apellido, celular }, destino, fechaInicio: fechaInicio!, total: total!, moneda, servicios, estado: estado as FilaImportada["estado"] },
  };
}

/** Every record of a file, with a referencia repeated inside the file an error on each later line. */
export function filasDelArchivo(contenido: Buffer | string, zona: string): ResultadoFila[] {
  const vistas = new Map<string, number>();
  return leerCsv(contenido).registros.map(({ linea, valores }) => {
    const resultado = filaDeRegistro(linea, valores, zona);
    const referencia = resultado.ok ? resultado.fila.referencia : resultado.referencia;
    if (!referencia) return resultado;
    const primera = vistas.get(referencia);
    if (primera === undefined) {
      vistas.set(referencia, linea);
      return resultado;
    }
    const repetida: ErrorDeFila = { linea, columna: "referencia", mensaje: `La referencia «${referencia}» ya está en la línea ${primera} del archivo.` };
    return resultado.ok ? { ok: false, linea, referencia, errores: [repetida] } : { ...resultado, errores: [repetida, ...resultado.errores] };
  });
}
