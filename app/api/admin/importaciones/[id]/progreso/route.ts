import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, metodos, ruta } from "@/lib/http/api";
import { progresoComoEventos } from "@/lib/http/progreso";
import { estadoImportacion } from "@/lib/importacion/importar";

export const dynamic = "force-dynamic";

// Server-Sent Events: rows done of total and the counts, until the import is finished (rows not included).
const get = ruta<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  await requerirRol(["ADMIN"]);
  const id = idDeRuta((await params).id, "La importación");
  const leer = () => estadoImportacion(prisma, id, false);
  return progresoComoEventos(request, await leer(), leer, (e) => e.estado === "TERMINADA");
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
