import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, ruta, metodos } from "@/lib/http/api";
import { estadoLote, loteComoCsv } from "@/lib/reprogramacion/lotes";

const get = ruta<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  await requerirRol(["ADMIN"]);
  const id = idDeRuta((await params).id, "La reprogramación masiva");
  return new Response(loteComoCsv(await estadoLote(prisma, id)), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="reprogramacion-masiva-${id}.csv"` },
  });
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
