// One SSE stream per staff browser tab: `conectado` when the live feed is up, `reconectando` while
// the database connection behind it is being restored, every reschedule as `event: reprogramacion`,
// and a comment every 20 s so proxies keep the connection open. Closes cleanly when the tab goes away.
import { REINTENTO_TRAS_APAGADO, senalDeApagado } from "@/lib/apagado";
import { EVENTO_REPROGRAMACION } from "./configuracion";
import { escucharReprogramaciones } from "./escucha";

const LATIDO_MS = 20_000;

export function streamDeReprogramaciones(cancelada: AbortSignal): ReadableStream<Uint8Array> {
  const codificador = new TextEncoder();
  let cerrar = () => {};
  return new ReadableStream<Uint8Array>({
    start(control) {
      const enviar = (texto: string) => {
        try {
          control.enqueue(codificador.encode(texto));
        } catch {
          cerrar();
        }
      };
      enviar("retry: 3000\n\n");
      const dejarDeEscuchar = escucharReprogramaciones({
        alRecibir: (cuerpo) => enviar(`event: ${EVENTO_REPROGRAMACION}\ndata: ${cuerpo}\n\n`),
        alCambiarConexion: (conectado) => enviar(`event: ${conectado ? "conectado" : "reconectando"}\ndata: {}\n\n`),
      });
      const latido = setInterval(() => enviar(": latido\n\n"), LATIDO_MS);
      // A server that is stopping ends the stream and tells the browser to come back later (elsewhere).
      const apagado = senalDeApagado();
      const alApagarse = () => {
        enviar(REINTENTO_TRAS_APAGADO);
        cerrar();
      };
      cerrar = () => {
        clearInterval(latido);
        dejarDeEscuchar();
        apagado.removeEventListener("abort", alApagarse);
        try {
          control.close();
        } catch {}
      };
      cancelada.addEventListener("abort", cerrar, { once: true });
      if (apagado.aborted) alApagarse();
      else apagado.addEventListener("abort", alApagarse, { once: true });
    },
    cancel() {
      cerrar();
    },
  });
}
