// Page parameters shared by every list endpoint (?pagina=&por_pagina=) and the rows they select.
import { z } from "zod";

// Digits only: "1e3", "0x10" or " 2" are not page numbers. Deep pages past this are no use to a person.
const PAGINA_MAXIMA = 100_000;
const entero = z.string().regex(/^\d{1,7}$/, "Debe ser un número entero").transform(Number);

export function paginacion(porDefecto: number, maximo: number) {
  return {
    pagina: entero.pipe(z.number().min(1, "Mínimo 1").max(PAGINA_MAXIMA, `Máximo ${PAGINA_MAXIMA}`)).default(1),
    por_pagina: entero.pipe(z.number().min(1, "Mínimo 1").max(maximo, `Máximo ${maximo}`)).default(porDefecto),
  };
}

export const ventana = ({ pagina, por_pagina }: { pagina: number; por_pagina: number }) => ({ skip: (pagina - 1) * por_pagina, take: por_pagina });
