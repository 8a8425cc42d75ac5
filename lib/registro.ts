// The product's log: one JSON object per line (pino), or readable lines in development
// (LOG_FORMATO=legible, set by npm run dev). LOG_NIVEL: trace, debug, info (default), warn, error.
// Lines carry ids, roles, routes, codes and durations; never bodies, tokens, passwords, emails or
// phone numbers. Error messages pass through ocultarDatosPersonales, as a database error may quote
// the row it refused.
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const TELEFONO = /\+?\d[\d\s-]{7,}\d/g;

export function ocultarDatosPersonales(texto: string): string {
  return texto.replace(EMAIL, "[email]").replace(TELEFONO, "[número]");
}

function crear(): Logger {
  const opciones = {
    level: process.env.LOG_NIVEL ?? "info",
    base: { proceso: process.pid },
    // Defence in depth: these keys never carry their value into a line, whoever logs them.
    redact: { paths: ["password", "contrasena", "token", "cookie", "authorization", "email", "telefono", "*.password", "*.token", "*.email", "*.telefono"], censor: "[oculto]" },
  };
  if (process.env.LOG_FORMATO === "legible") return pino(opciones, pretty({ colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "proceso" }));
  return pino(opciones);
}

const global = globalThis as unknown as { registro?: Logger };
export const registro: Logger = (global.registro ??= crear());

/** An unexpected error as a log field: its type, message and stack, with personal data masked. */
export function errorParaRegistro(error: unknown) {
  if (!(error instanceof Error)) return { mensaje: ocultarDatosPersonales(String(error)) };
  return { tipo: error.name, mensaje: ocultarDatosPersonales(error.message), pila: error.stack ? ocultarDatosPersonales(error.stack) : undefined };
}
