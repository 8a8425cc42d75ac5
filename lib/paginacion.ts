// Page parameters shared by every list endpoint (?pagina=&por_pagina=) and the rows they select.
import { z } from "zod";

export function paginacion(porDefecto: number, maximo: number) {
  return {
    pagina: z.coerce.number().int().min(1).default(1),
    por_pagina: z.coerce.number().int().min(1).max(maximo).default(porDefecto),
  };
}

export const ventana = ({ pagina, por_pagina }: { pagina: number; por_pagina: number }) => ({ skip: (pagina - 1) * por_pagina, take: por_pagina });
