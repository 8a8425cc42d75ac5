// Free-text search boxes: every word must match somewhere (AND of per-word ORs), case-insensitively,
// at most six words.
export const contieneSinMayusculas = (palabra: string) => ({ contains: palabra, mode: "insensitive" as const });

export function porPalabra<T>(q: string | undefined, condicion: (palabra: string, contiene: ReturnType<typeof contieneSinMayusculas>) => T): T[] {
  return (q ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((palabra) => condicion(palabra, contieneSinMayusculas(palabra)));
}
