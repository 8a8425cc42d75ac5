// zod issues → the contract's error body: which fields are wrong and why, in Spanish.
import type { ZodError } from "zod";
import { ErrorDominio } from "@/lib/errores";

export function errorDeValidacion(error: ZodError, detail = "Los datos enviados no son válidos."): ErrorDominio {
  const campos: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) campos[[...issue.path, key].join(".")] = "Campo no permitido";
      continue;
    }
    const campo = issue.path.join(".") || "cuerpo";
    campos[campo] ??= issue.message;
  }
  return new ErrorDominio(400, "DATOS_INVALIDOS", detail, { campos });
}
