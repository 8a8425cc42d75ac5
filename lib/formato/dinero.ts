// Money as Bolivians read it: "Bs 2.400,00". Works on the API's decimal strings, never on floats.
const SIMBOLOS: Record<string, string> = { BOB: "Bs", USD: "US$" };

export function formatearMonto(monto: string | { toFixed(d: number): string }, moneda = "BOB"): string {
  const texto = typeof monto === "string" ? monto : monto.toFixed(2);
  const negativo = texto.startsWith("-");
  const [entero, decimales = ""] = texto.replace("-", "").split(".");
  const agrupado = entero.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const simbolo = SIMBOLOS[moneda] ?? moneda;
  return `${negativo ? "-" : ""}${simbolo} ${agrupado},${decimales.padEnd(2, "0").slice(0, 2)}`;
}
