// The calendar file a client's email carries (RFC 5546 iTIP with ical-generator): one stable UID per
// reservation, a SEQUENCE that counts its changes (the booking is 0, each reschedule, cancellation or
// transfer adds one), the start in the agency's zone with its VTIMEZONE, the destination and a link
// back. A cancellation (or the previous holder after a transfer) gets METHOD:CANCEL with the same UID.
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { configuracionEntregas } from "../config";

export interface Adjunto {
  nombre: string;
  tipo: string;
  contenido: string;
}

const UNA_HORA_MS = 3_600_000;

// Building an Intl.DateTimeFormat or a VTIMEZONE costs more than the rest of the file: one per zone.
const formatos = new Map<string, Intl.DateTimeFormat>();
const formatoDe = (zona: string) => {
  let f = formatos.get(zona);
  if (!f) formatos.set(zona, (f = new Intl.DateTimeFormat("en-CA", { timeZone: zona, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })));
  return f;
};
const zonasVtimezone = new Map<string, string | null>();
const vtimezone = (zona: string) => {
  if (!zonasVtimezone.has(zona)) zonasVtimezone.set(zona, getVtimezoneComponent(zona) ?? null);
  return zonasVtimezone.get(zona) ?? null;
};

/** The wall-clock time in `zona` as "YYYY-MM-DDTHH:mm:ss": ical-generator writes it under the TZID as given (a Date would go out in UTC digits). */
function horaLocal(fecha: Date, zona: string) {
  const p = Object.fromEntries(formatoDe(zona).formatToParts(fecha).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

export function uidDeReserva(reservaId: number) {
  return `reserva-${reservaId}@${new URL(configuracionEntregas().urlAplicacion).hostname}`;
}

export function archivoCalendario(d: { reservaId: number; destino: string; inicio: Date; secuencia: number; metodo: "REQUEST" | "CANCEL"; para: string; agencia: string; emailAgencia: string; enlace: string; zona: string }): Adjunto {
  const calendario = ical({ name: d.agencia, prodId: { company: d.agencia, product: "Reprogramaciones", language: "ES" }, method: d.metodo === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  calendario.timezone({ name: d.zona, generator: vtimezone });
  calendario.createEvent({
    id: uidDeReserva(d.reservaId),
    sequence: d.secuencia,
    start: horaLocal(d.inicio, d.zona),
    end: horaLocal(new Date(d.inicio.getTime() + UNA_HORA_MS), d.zona),
    timezone: d.zona,
    summary: `${d.destino} · reserva #${d.reservaId}`,
    description: `Inicio del viaje de la reserva #${d.reservaId}. Detalle: ${d.enlace}`,
    url: d.enlace,
    status: d.metodo === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: d.agencia, email: d.emailAgencia },
    attendees: [{ email: d.para }],
    stamp: new Date(),
  });
  return { nombre: `reserva-${d.reservaId}.ics`, tipo: `text/calendar; charset=utf-8; method=${d.metodo}`, contenido: calendario.toString() };
}
