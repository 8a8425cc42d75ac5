// Self-service access: asking for a recovery or sign-in link, choosing a password through an
// invitation or recovery link, changing it while signed in, and opening a session from a one-time
// sign-in link or a manage link. Setting a password ends every session of that person.
import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Actor } from "@/lib/auth/credenciales";
import { actorDeUsuario } from "@/lib/auth/credenciales";
import { abrirSesion, cerrarSesionesDe, DURACION_SESION_GESTION_MS } from "@/lib/auth/sesiones";
import type { Db } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import type { PropositoEnlace } from "@/lib/generated/prisma/enums";
import { contar, demasiadasSolicitudes, direccionCliente, limites } from "@/lib/seguridad/limite-tasa";
import { registrarAuditoria, type AccionAuditoria } from "@/lib/usuarios/auditoria";
import { emailSchema, parsearCon } from "@/lib/validacion";
import { contrasenaSchema, hashDeContrasena, problemaDeContrasena } from "./contrasena";
import { solicitarEnlacePorEmail } from "./correos";
import { consumirEnlace, verEnlace, type MotivoRechazo } from "./enlaces";

export const pedidoEnlaceSchema = z.object({ email: emailSchema }).strict();
export const nuevaContrasenaSchema = z.object({ token: z.string().max(100), password: contrasenaSchema }).strict();
export const cambioContrasenaSchema = z.object({ actual: contrasenaSchema, nueva: contrasenaSchema }).strict();

/** The one answer to a recovery or sign-in link request, whether the account exists or not. */
export const RESPUESTA_PEDIDO_ENLACE = {
  recuperacion: { detail: "Si el correo corresponde a una cuenta activa, le enviamos un enlace para elegir una nueva contraseña. Vence en 30 minutos.", estado: "ENVIADO_SI_EXISTE" },
  acceso: { detail: "Si el correo corresponde a una cuenta activa, le enviamos un enlace para ingresar. Vence en 15 minutos.", estado: "ENVIADO_SI_EXISTE" },
} as const;

export async function pedirEnlace(db: Db, headers: Headers, body: unknown, variante: "recuperacion" | "acceso") {
  const { email } = parsearCon(pedidoEnlaceSchema, body, "Indique un correo válido.");
  const { enlacesCuenta, enlacesDireccion } = limites();
  const aplicables = [enlacesCuenta(email), enlacesDireccion(direccionCliente(headers))];
  const estados = await Promise.all(aplicables.map((l) => contar(db, l)));
  const excedidos = estados.filter((e, i) => e.conteo > aplicables[i].maximo);
  if (excedidos.length) {
    const espera = Math.max(...excedidos.map((e) => e.reintentarEnS));
    throw demasiadasSolicitudes(espera, `Demasiados pedidos de enlace. Espere ${Math.ceil(espera / 60)} min e intente nuevamente.`);
  }
  await solicitarEnlacePorEmail(db, email, variante);
  return RESPUESTA_PEDIDO_ENLACE[variante];
}

const MENSAJES_RECHAZO: Record<MotivoRechazo, [number, string, string]> = {
  DESCONOCIDO: [404, "ENLACE_NO_VALIDO", "El enlace no es válido. Revise que lo copió completo o pida uno nuevo."],
  USADO: [410, "ENLACE_USADO", "Este enlace ya se usó. Si necesita otro, pídalo nuevamente."],
  VENCIDO: [410, "ENLACE_VENCIDO", "Este enlace venció. Pida uno nuevo."],
};
export const rechazoDeEnlace = (motivo: MotivoRechazo) => new ErrorDominio(...MENSAJES_RECHAZO[motivo]);

async function enlaceVigente(db: Db, token: string, proposito: PropositoEnlace) {
  const visto = await verEnlace(db, token, proposito);
  if (!visto.ok) throw rechazoDeEnlace(visto.motivo);
  return visto.enlace;
}

function exigirContrasenaValida(password: string, persona: { email: string; nombre: string; apellido: string }) {
  const problema = problemaDeContrasena(password, persona);
  if (problema) throw new ErrorDominio(400, "CONTRASENA_DEBIL", problema, { campos: { password: problema } });
}

/** Saves a new password and ends every session of that person, in the caller's transaction. */
async function guardarContrasena(tx: Parameters<Parameters<Db["$transaction"]>[0]>[0], usuarioId: number, password: string, actorId: number | null, accion: AccionAuditoria) {
  await tx.usuario.update({ where: { id: usuarioId }, data: { passwordHash: await hashDeContrasena(password) } });
  await registrarAuditoria(tx, usuarioId, actorId, accion, {});
  await cerrarSesionesDe(tx, usuarioId, "cambio de contraseña");
}

/** Invitation or recovery: the link is checked, the password judged, then the link used and the password saved together. */
export async function establecerConEnlace(db: Db, body: unknown, proposito: "INVITACION" | "RECUPERACION") {
  const { token, password } = parsearCon(nuevaContrasenaSchema, body, "Los datos no son válidos.");
  const enlace = await enlaceVigente(db, token, proposito);
  exigirContrasenaValida(password, enlace.usuario);
  await db.$transaction(async (tx) => {
    // A weak password above leaves the link usable; from here on, exactly one request wins it.
    if (!(await consumirEnlace(tx, enlace.id))) throw rechazoDeEnlace("USADO");
    await guardarContrasena(tx, enlace.usuarioId, password, null, proposito === "INVITACION" ? "CONTRASENA_ESTABLECIDA" : "CONTRASENA_RESTABLECIDA");
  });
  return { email: enlace.usuario.email };
}

export async function cambiarContrasena(db: Db, actor: Actor, body: unknown) {
  const { actual, nueva } = parsearCon(cambioContrasenaSchema, body, "Los datos no son válidos.");
  const usuario = await db.usuario.findUniqueOrThrow({ where: { id: actor.id } });
  if (!usuario.passwordHash || !(await bcrypt.compare(actual, usuario.passwordHash)))
    throw new ErrorDominio(400, "CONTRASENA_INCORRECTA", "La contraseña actual no es correcta.", { campos: { actual: "La contraseña actual no es correcta" } });
  const problema = problemaDeContrasena(nueva, usuario);
  if (problema) throw new ErrorDominio(400, "CONTRASENA_DEBIL", problema, { campos: { nueva: problema } });
  await db.$transaction((tx) => guardarContrasena(tx, actor.id, nueva, actor.id, "CONTRASENA_CAMBIADA"));
}

/** A one-time sign-in link: used once, it opens a full session. */
export async function entrarConEnlace(db: Db, token: string) {
  const enlace = await enlaceVigente(db, token, "ACCESO");
  return db.$transaction(async (tx) => {
    if (!(await consumirEnlace(tx, enlace.id))) throw rechazoDeEnlace("USADO");
    return { actor: actorDeUsuario(enlace.usuario), sesion: await abrirSesion(tx, enlace.usuarioId) };
  });
}

/** A manage link's "Continuar": a two-hour session that reaches only this reservation (never past the trip). */
export async function continuarConEnlaceGestion(db: Db, token: string) {
  const enlace = await enlaceVigente(db, token, "GESTION");
  const reservaId = enlace.reservaId!;
  const hastaViaje = enlace.reserva!.fechaInicio.getTime() - Date.now();
  const sesion = await abrirSesion(db, enlace.usuarioId, { reservaId, duracionMs: Math.min(DURACION_SESION_GESTION_MS, hastaViaje) });
  return { actor: { ...actorDeUsuario(enlace.usuario), reservaId }, sesion, reservaId };
}
