// Domain errors carry the contract's shape: { detail, error_code, ...context } and an HTTP status.
export class ErrorDominio extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly detail: string,
    readonly contexto: Record<string, unknown> = {},
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly cabeceras: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ErrorDominio";
  }

  cuerpo(): Record<string, unknown> {
    return { detail: this.detail, error_code: this.errorCode, ...this.contexto };
  }
}

export const noAutenticado = () =>
  new ErrorDominio(401, "NO_AUTENTICADO", "Debe iniciar sesión para continuar.");
export const permisoDenegado = (detail = "No tiene permiso para realizar esta acción.", contexto = {}) =>
  new ErrorDominio(403, "PERMISO_DENEGADO", detail, contexto);
export const noEncontrado = (detail = "El recurso solicitado no existe.") => new ErrorDominio(404, "NO_ENCONTRADO", detail);
