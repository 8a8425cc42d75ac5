// Account emails go through the same delivery queue as reschedule notices (retries, attempt log,
// metrics, the development mailbox). The delivery row names the account and, for one-time links,
// the link; the worker mints the token while composing, so no token is ever stored.
import CorreoCuenta, { asuntoCuenta } from "@/emails/cuenta";
import type { Contacto, VarianteCuenta } from "@/emails/tipos";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PropositoEnlace, Rol } from "@/lib/generated/prisma/enums";
import { NOMBRE_ROL } from "@/lib/auth/roles";
import { formatearFechaHora, zonaAgencia } from "@/lib/formato/fecha";
import { configuracionEntregas } from "@/lib/notificaciones/config";
import { DatosFaltantes, renderizar, type CorreoRenderizado } from "@/lib/notificaciones/correo/contenido";
import { trabajoDeEntrega } from "@/lib/notificaciones/encolar";
import { PLANTILLA_CUENTA } from "@/lib/notificaciones/plantillas";
import { emitirEnlaceGestion, emitirToken, RUTA_ENLACE, VIGENCIA_MS } from "./enlaces";

type Ejecutor = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

const VARIANTE_DE_PLANTILLA = Object.fromEntries(Object.entries(PLANTILLA_CUENTA).map(([v, p]) => [p, v])) as Record<string, VarianteCuenta>;

const PROPOSITO_DE: Record<VarianteCuenta, Exclude<PropositoEnlace, "GESTION"> | null> = { invitacion: "INVITACION", recuperacion: "RECUPERACION", acceso: "ACCESO", bienvenida: null };

/**
 * One account email to the active user the condition finds (none found: nothing is written), with,
 * for a one-time link, the link's row replacing that user's pending link of the same kind, and the
 * queue job: one statement, so an unknown address costs the same work as a known one.
 */
async function encolarCorreo(db: Ejecutor, usuario: Prisma.Sql, variante: VarianteCuenta) {
  const proposito = PROPOSITO_DE[variante];
  await db.$executeRaw`
    WITH u AS (SELECT id, email FROM usuario WHERE ${usuario} AND activo),
    previos AS (
      UPDATE enlace_acceso SET revocado_at = now()
      WHERE ${proposito !== null} AND usuario_id IN (SELECT id FROM u) AND proposito = ${proposito}::"PropositoEnlace" AND usado_at IS NULL AND revocado_at IS NULL
    ), enlace AS (
      INSERT INTO enlace_acceso (proposito, usuario_id, vence_at)
      SELECT ${proposito}::"PropositoEnlace", id, now() + make_interval(secs => ${proposito ? VIGENCIA_MS[proposito] / 1000 : 0}) FROM u WHERE ${proposito !== null}
      RETURNING id
    ), entrega AS (
      INSERT INTO entrega_notificacion (canal, destinatario, plantilla, usuario_id, enlace_id, updated_at)
      SELECT 'EMAIL', u.email, ${PLANTILLA_CUENTA[variante]}, u.id, (SELECT id FROM enlace), now() FROM u
      RETURNING id
    )
    SELECT ${trabajoDeEntrega(Prisma.sql`entrega.id`, Prisma.sql`NULL::timestamptz`)} FROM entrega`;
}

/** An account email to one user (invitation, its resend, welcome). */
export const encolarCorreoCuenta = (db: Ejecutor, usuarioId: number, variante: VarianteCuenta) => encolarCorreo(db, Prisma.sql`id = ${usuarioId}`, variante);

/** The welcome email to every client a query finds (an import's new clients), in one statement. */
export const encolarBienvenidas = (db: Ejecutor, usuarios: Prisma.Sql) => encolarCorreo(db, Prisma.sql`id IN (${usuarios}) AND rol = 'CLIENTE'`, "bienvenida");

/** Recovery or sign-in link asked for by email address, whether the account exists or not (same work, same answer). */
export const solicitarEnlacePorEmail = (db: Ejecutor, email: string, variante: "recuperacion" | "acceso") =>
  encolarCorreo(db, Prisma.sql`lower(email) = lower(${email.trim()})`, variante);

interface EntregaDeCuenta {
  plantilla: string;
  enlaceId: number | null;
  usuario: { id: number; nombre: string; apellido: string; rol: Rol; activo: boolean } | null;
}

/** Composes an account email; the one-time link's token is minted here. */
export async function renderizarCorreoCuenta(db: Db, entrega: EntregaDeCuenta, contacto: Contacto, zona = zonaAgencia()): Promise<CorreoRenderizado> {
  const variante = VARIANTE_DE_PLANTILLA[entrega.plantilla];
  const usuario = entrega.usuario;
  if (!variante || !usuario) throw new DatosFaltantes("La entrega no tiene cuenta");
  const url = configuracionEntregas().urlAplicacion;
  let enlace = `${url}/login`;
  let venceEl: string | null = null;
  const reservas: { id: number; destino: string; fecha: string; enlace: string }[] = [];
  if (variante === "bienvenida") {
    const proximas = await db.reserva.findMany({ where: { usuarioId: usuario.id, fechaInicio: { gt: new Date() }, estado: { notIn: ["CANCELADA", "COMPLETADA"] } }, orderBy: { fechaInicio: "asc" }, take: 10 });
    for (const r of proximas)
      reservas.push({ id: r.id, destino: r.destino, fecha: formatearFechaHora(r.fechaInicio, zona), enlace: `${url}${RUTA_ENLACE.GESTION}/${await emitirEnlaceGestion(db, r.id, usuario.id)}` });
  } else {
    if (!entrega.enlaceId) throw new DatosFaltantes("El correo no tiene enlace");
    const token = await emitirToken(db, entrega.enlaceId);
    if (!token) throw new DatosFaltantes("El enlace fue reemplazado o usado antes del envío");
    const fila = await db.enlaceAcceso.findUniqueOrThrow({ where: { id: entrega.enlaceId } });
    enlace = `${url}${RUTA_ENLACE[fila.proposito]}/${token}`;
    venceEl = formatearFechaHora(fila.venceAt, zona);
  }
  const props = { variante, nombre: `${usuario.nombre} ${usuario.apellido}`.trim(), enlace, venceEl, rol: NOMBRE_ROL[usuario.rol], reservas, contacto };
  return renderizar(CorreoCuenta, props, asuntoCuenta(variante, contacto.agencia));
}
