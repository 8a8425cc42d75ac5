// One SSE stream per staff browser tab: a hello, every reschedule as `event: reprogramacion`, and a
// comment every 20 s so proxies keep the connection open. Closes cleanly when the tab goes away.
import { EVENTO_REPROGRAMACION } from "./configuracion";
import { escucharReprogramaciones } from "./escucha";

const LATIDO_MS = 20_000;

export async function streamDeReprogramaciones(cancelada: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const codificador = new TextEncoder();
  let cerrar = () => {};
  return new ReadableStream<Uint8Array>({
    async start(control) {
      const enviar = (texto: string) => {
        try {
          control.enqueue(codificador.encode(texto));
        } catch {
          cerrar();
        }
      };
      const dejarDeEscuchar = await escucharReprogramaciones((cuerpo) => enviar(`event: ${EVENTO_REPROGRAMACION}\ndata: ${cuerpo}\n\n`));
      const latido = setInterval(() => enviar(": latido\n\n"), LATIDO_MS);
      cerrar = () => {
        clearInterval(latido);
        dejarDeEscuchar();
        try {
          control.close();
        } catch {}
      };
      cancelada.addEventListener("abort", cerrar, { once: true });
      enviar("retry: 3000\nevent: conectado\ndata: {}\n\n");
    },
    cancel() {
      cerrar();
    },
  });
}
