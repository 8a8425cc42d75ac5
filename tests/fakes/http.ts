// Small helpers for the local stand-ins of external services (Resend, Pusher).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export function leerCuerpo(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const partes: Buffer[] = [];
    req.on("data", (p: Buffer) => partes.push(p));
    req.on("end", () => resolve(Buffer.concat(partes).toString("utf8")));
    req.on("error", reject);
  });
}

export function responder(res: ServerResponse, estado: number, cuerpo: unknown, cabeceras: Record<string, string> = {}) {
  res.writeHead(estado, { "content-type": "application/json", ...cabeceras });
  res.end(JSON.stringify(cuerpo));
}

export async function escuchar(manejar: (req: IncomingMessage, res: ServerResponse) => Promise<void>, puerto = 0): Promise<{ server: Server; url: string; cerrar: () => Promise<void> }> {
  const server = createServer((req, res) => {
    manejar(req, res).catch((error) => responder(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(puerto, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    cerrar: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
