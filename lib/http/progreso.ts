// Server-Sent Events for a background run (bulk move, import): its state every quarter second until
// it is finished or the page goes away. The browser's EventSource reconnects on its own.
import { REINTENTO_TRAS_APAGADO, senalDeApagado } from "@/lib/apagado";

export function progresoComoEventos<T>(request: Request, primero: T, siguiente: (previo: T) => Promise<T>, terminado: (estado: T) => boolean): Response {
  const codificador = new TextEncoder();
  // Until the run is over, the page goes away or the server is stopping.
  const fin = () => request.signal.aborted || senalDeApagado().aborted;
  const stream = new ReadableStream({
    async start(control) {
      const enviar = (e: T) => control.enqueue(codificador.encode(`event: progreso\ndata: ${JSON.stringify(e)}\n\n`));
      try {
        let estado = primero;
        enviar(estado);
        while (!terminado(estado) && !fin()) {
          await new Promise((r) => setTimeout(r, 250));
          estado = await siguiente(estado);
          enviar(estado);
        }
        // A server that is stopping tells the browser to come back later (elsewhere).
        if (!terminado(estado) && senalDeApagado().aborted) control.enqueue(codificador.encode(REINTENTO_TRAS_APAGADO));
        control.close();
      } catch {
        // The page went away, or the database did: the browser reconnects and starts over.
        try { control.close(); } catch {}
      }
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" } });
}
