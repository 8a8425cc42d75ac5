// Reports offered as CSV (bulk moves, imports): one quoted-when-needed cell per value, and a cell
// that a spreadsheet would run as a formula (it starts with = + - @) kept as text.
const celda = (v: unknown) => {
  let t = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(t) && !/^-?\d/.test(t)) t = `'${t}`;
  return /[",\n\r;]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
};

export function comoCsv(encabezados: readonly string[], filas: unknown[][]): string {
  return [encabezados.join(","), ...filas.map((f) => f.map(celda).join(","))].join("\n") + "\n";
}
