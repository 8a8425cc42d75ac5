import { requerirRol } from "@/lib/auth/sesion";
import { prisma } from "@/lib/db/client";
import { idDeRuta, ruta, metodos } from "@/lib/http/api";
import { estadoLote } from "@/lib/reprogramacion/lotes";

export const dynamic = "force-dynamic";

// Server-Sent Events: the run's counters and each reservation's result as it is processed, until done.
const get = ruta<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  await requerirRol(["ADMIN"]);
  const id = idDeRuta((await params).id, "La reprogramación masiva");
  const primero = await estadoLote(prisma, id);
  const codificador = new TextEncoder();
  const stream = new ReadableStream({
    async start(control) {
      const enviar = (e: unknown) => control.enqueue(codificador.encode(`event: progreso\ndata: ${JSON.stringify(e)}\n\n`));
      try {
        let estado = primero;
        let visto = estado.items.at(-1)?.orden ?? -1;
        enviar(estado);
        while (estado.estado !== "TERMINADO" && !request.signal.aborted) {
          await new Promise((r) => setTimeout(r, 250));
          estado = await estadoLote(prisma, id, visto);
          if (estado.items.length) visto = estado.items.at(-1)!.orden;
          enviar(estado);
        }
        control.close();
      } catch {
        // The page went away, or the database did: the browser reconnects and starts over.
        try { control.close(); } catch {}
      }
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" } });
});

export const { GET, POST, PUT, PATCH, DELETE } = metodos({ GET: get });
