// The one browser-side interface to the live feed, whichever transport the server chose:
// subscribe with a callback, get back a function that unsubscribes.
import type { EventoEnVivo } from "../evento";
import type { ConfiguracionTiempoReal } from "./configuracion";

export type EstadoConexion = "conectando" | "en_vivo" | "reconectando" | "desconectado";

export function suscribirseAReprogramaciones(
  config: ConfiguracionTiempoReal,
  alRecibir: (evento: EventoEnVivo) => void,
  alCambiarEstado: (estado: EstadoConexion) => void,
): () => void {
  if (config.tipo === "sse") {
    const fuente = new EventSource(config.url);
    let estuvoEnVivo = false;
    fuente.addEventListener("conectado", () => {
      estuvoEnVivo = true;
      alCambiarEstado("en_vivo");
    });
    // The server lost its database connection and is restoring it; events resume on "conectado".
    fuente.addEventListener("reconectando", () => alCambiarEstado("reconectando"));
    fuente.addEventListener(config.evento, (m) => alRecibir(JSON.parse((m as MessageEvent<string>).data)));
    // EventSource reconnects by itself; CLOSED means it gave up (e.g. the session ended: 401).
    fuente.onerror = () => alCambiarEstado(fuente.readyState === EventSource.CLOSED ? "desconectado" : estuvoEnVivo ? "reconectando" : "conectando");
    return () => fuente.close();
  }
  let cerrado = false;
  let desconectar = () => {};
  void import("pusher-js").then(({ default: Pusher }) => {
    if (cerrado) return;
    const cliente = new Pusher(config.key, {
      cluster: config.cluster,
      wsHost: config.wsHost,
      wsPort: config.wsPort,
      wssPort: config.wsPort,
      forceTLS: config.forceTLS,
      channelAuthorization: { endpoint: config.authEndpoint, transport: "ajax" },
    });
    cliente.connection.bind("state_change", ({ current }: { current: string }) => {
      alCambiarEstado(current === "connected" ? "en_vivo" : current === "connecting" || current === "initialized" ? "conectando" : current === "unavailable" ? "reconectando" : "desconectado");
    });
    cliente.subscribe(config.canal).bind(config.evento, alRecibir);
    desconectar = () => cliente.disconnect();
  });
  return () => {
    cerrado = true;
    desconectar();
  };
}
