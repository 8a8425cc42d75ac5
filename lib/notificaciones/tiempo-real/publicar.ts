// Server side of the live feed: one publish per reschedule, from the delivery worker.
import Pusher from "pusher";
import type { Db } from "@/lib/db/client";
import type { ResultadoEnvio } from "../correo/transporte";
import { LIMITE_EVENTO_BYTES, type EventoEnVivo } from "../evento";
import { CANAL_POSTGRES, CANAL_SOPORTE, EVENTO_REPROGRAMACION, configuracionPusher, type OpcionesPusher } from "./configuracion";

export function clientePusher(o: OpcionesPusher): Pusher {
  const base = { appId: o.appId, key: o.key, secret: o.secret, useTLS: o.useTLS };
  // A host (self-hosted or a local test server) wins over a cluster.
  return o.host ? new Pusher({ ...base, host: o.host, port: o.port }) : new Pusher({ ...base, cluster: o.cluster ?? "mt1" });
}

export async function publicarEvento(db: Pick<Db, "$executeRaw">, evento: EventoEnVivo): Promise<ResultadoEnvio> {
  const cuerpo = JSON.stringify(evento);
  if (Buffer.byteLength(cuerpo) > LIMITE_EVENTO_BYTES) {
    return { ok: false, tipo: "DATOS_FALTANTES", error: `Evento de ${Buffer.byteLength(cuerpo)} bytes supera el límite`, reintentable: false };
  }
  const pusher = configuracionPusher();
  if (!pusher) {
    // NOTIFY reaches every app instance LISTENing on this database; each fans out to its SSE clients.
    await db.$executeRaw`SELECT pg_notify(${CANAL_POSTGRES}, ${cuerpo})`;
    return { ok: true, proveedorId: "postgres-notify" };
  }
  try {
    await clientePusher(pusher).trigger(CANAL_SOPORTE, EVENTO_REPROGRAMACION, evento);
    return { ok: true, proveedorId: "pusher" };
  } catch (error) {
    const estado = (error as { status?: number }).status;
    if (!estado) return { ok: false, tipo: "RED", error: "Sin respuesta de Pusher", reintentable: true };
    return { ok: false, tipo: "PROVEEDOR", error: `Pusher HTTP ${estado}`, reintentable: estado >= 500 || estado === 429 };
  }
}

/** Pusher private-channel auth for a staff member's socket; the route has already checked the role. */
export function autorizarCanal(socketId: string, canal: string) {
  const pusher = configuracionPusher();
  if (!pusher) return null;
  return clientePusher(pusher).authorizeChannel(socketId, canal);
}
