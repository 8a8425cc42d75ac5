// Whole-number settings from the environment, read on every use (tests and workers may set them
// after import). A missing, fractional or too-small value falls back to the default.
export function enteroDelEntorno(nombre: string, porDefecto: number, minimo = 1): number {
  const valor = Number(process.env[nombre]);
  return Number.isInteger(valor) && valor >= minimo ? valor : porDefecto;
}
