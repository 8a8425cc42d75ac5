// Transferring a reservation to another person: the TRANSFERENCIA policy decides whether it is
// allowed (and until when) and what it costs; the fee goes into the total; the new holder is an
// existing client found by email or a new client account; the previous holder loses access at once
// (the reservation leaves their list; its manage links and the sessions opened with them end); both
// are told, the new holder with a manage link of their own. One transaction.
import { z } from "zod";
import type { Actor } from "@/lib/auth/credenciales";
import { usuarioPorEmail } from "@/lib/auth/credenciales";
import { cerrarSesionesDeReserva } from "@/lib/auth/sesiones";
import type { Db } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { zonaAgencia } from "@/lib/formato/fecha";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encolarNotificaciones } from "@/lib/notificaciones/encolar";
import { PLANTILLA_TRANSFERENCIA } from "@/lib/notificaciones/plantillas";
import { politicasDe, transferenciaSegun } from "@/lib/politicas/aplicables";
import type { Tx } from "@/lib/reprogramacion/datos";
import { reservaYActor, tipoDeReprogramacion } from "@/lib/reprogramacion/reprogramar";
import { vigentesEnVersion } from "@/lib/reprogramacion/vigentes";
import { serializarReserva } from "@/lib/reservas/serializar";
import { telefonoMovilSchema } from "@/lib/telefono";
import { registrarAuditoria } from "@/lib/usuarios/auditoria";
import { emailSchema, motivoSchema, parsearCon, texto } from "@/lib/validacion";

export const transferenciaSchema = z
  .object({
    nombre: texto(100, { min: 1, requerido: "Indique el nombre", mensajeMin: "Indique el nombre" }),
    apellido: texto(100, { min: 1, requerido: "Indique el apellido", mensajeMin: "Indique el apellido" }),
    email: emailSchema,
    celular: telefonoMovilSchema.optional(),
    motivo: motivoSchema,
  })
  .strict();

/** What the policy says now for a reservation already loaded (the page loads it once for all its parts). */
export async function condicionesDeCarga(db: Tx, carga: Awaited<ReturnType<typeof reservaYActor>>, rol: Actor["rol"], ahora: Date, zona: string) {
  const { reglas, config } = await vigentesEnVersion(db, carga.version);
  return transferenciaSegun(politicasDe(reglas, config, carga.reserva, rol, ahora, zona).transferencia, carga.reserva, ahora, zona);
}

/** GET /api/reservas/{id}/transferencia/: what the policy says for this reservation now. */
export async function condicionesDeTransferencia(db: Db, actor: Actor, reservaId: number, ahora = new Date(), zona = zonaAgencia()) {
  return condicionesDeCarga(db, await reservaYActor(db, actor, reservaId), actor.rol, ahora, zona);
}

export async function transferirReserva(db: Db, actorSesion: Actor, reservaId: number, body: unknown, ahora = new Date(), zona = zonaAgencia()) {
  const datos = parsearCon(transferenciaSchema, body, "La transferencia no es válida.");
  return db.$transaction(
    async (tx) => {
      const { reserva, actor, version } = await reservaYActor(tx, actorSesion, reservaId, true);
      const { reglas, config } = await vigentesEnVersion(tx, version);
      const { transferencia } = politicasDe(reglas, config, reserva, actorSesion.rol, ahora, zona);
      const evaluacion = transferenciaSegun(transferencia, reserva, ahora, zona);
      if (!evaluacion.permitida)
        throw new ErrorDominio(409, "TRANSFERENCIA_NO_PERMITIDA", evaluacion.razon!, { fecha_limite: evaluacion.fecha_limite, regla: transferencia.regla ? { id: transferencia.regla.id, nombre: transferencia.regla.nombre } : null });
      if (reserva.usuario.email.toLowerCase() === datos.email.toLowerCase())
        throw new ErrorDominio(400, "MISMO_TITULAR", "La reserva ya es de esa persona: indique a quién se la transfiere.", { campos: { email: "Es el titular actual" } });

      // The new holder: the client with that email, or a new client account (no password; they enter with the link of their email).
      const existente = await usuarioPorEmail(tx, datos.email);
      let nuevo = existente ? await tx.usuario.findUniqueOrThrow({ where: { id: existente } }) : null;
      if (nuevo && nuevo.rol !== "CLIENTE") throw new ErrorDominio(400, "DATOS_INVALIDOS", "Ese correo es de una persona de la agencia, no de un cliente.", { campos: { email: "Es el correo de personal de la agencia" } });
      if (nuevo && !nuevo.activo) throw new ErrorDominio(400, "DATOS_INVALIDOS", "La cuenta de ese correo está desactivada.", { campos: { email: "Cuenta desactivada" } });
      if (!nuevo) {
        nuevo = await tx.usuario.create({ data: { email: datos.email, nombre: datos.nombre, apellido: datos.apellido, telefono: datos.celular ?? null, rol: "CLIENTE", nivel: "BRONZE" } });
        await registrarAuditoria(tx, nuevo.id, actor.id, "CREADO", { rol: "CLIENTE", email: nuevo.email, origen: `transferencia de la reserva #${reserva.id}` });
      }
      const costo = evaluacion.costo;
      const fila = await tx.reserva.update({ where: { id: reserva.id }, data: { usuarioId: nuevo.id, total: reserva.total.add(costo), cambios: { increment: 1 } } });
      // The previous holder's way in ends now: the manage links and the sessions opened with them.
      await tx.enlaceAcceso.updateMany({ where: { reservaId: reserva.id, proposito: "GESTION", revocadoAt: null }, data: { revocadoAt: ahora } });
      await cerrarSesionesDeReserva(tx, reserva.id, "reserva transferida");

      const persona = (u: { id: number; nombre: string; apellido: string; email: string }) => ({ id: u.id, nombre: `${u.nombre} ${u.apellido}`.trim(), email: u.email });
      const tipo = tipoDeReprogramacion(actor, {});
      const historial = await tx.historialReprogramacion.create({
        data: {
          reservaId: reserva.id,
          accion: "TRANSFERENCIA",
          fechaAnterior: reserva.fechaInicio,
          fechaNueva: reserva.fechaInicio,
          motivo: datos.motivo,
          tipo,
          actorId: actor.id,
          reglasAplicadas: transferencia.regla ? ["TRANSFERENCIA"] : [],
          totalAnterior: reserva.total,
          totalNuevo: fila.total,
          costoAplicado: costo,
          secuencia: fila.cambios,
          detalle: { de: persona(reserva.usuario), a: persona(nuevo), costo } as Prisma.InputJsonValue,
          createdAt: ahora,
        },
      });
      const notificaciones = await encolarNotificaciones(tx, {
        accion: "TRANSFERENCIA",
        historialId: historial.id,
        reserva_id: reserva.id,
        cliente: { nombre: `${nuevo.nombre} ${nuevo.apellido}`, email: nuevo.email },
        clienteAnterior: { email: reserva.usuario.email },
        fecha_anterior: reserva.fechaInicio.toISOString(),
        fecha_nueva: reserva.fechaInicio.toISOString(),
        motivo: datos.motivo,
        reprogramado_por: `${actor.nombre} ${actor.apellido}`,
        tipo_reprogramacion: tipo,
        conDescuento: false,
        notificarCliente: true,
        smsCliente: null,
      });
      return {
        mensaje: "Reserva transferida",
        reserva: serializarReserva({ ...fila, servicios: reserva.servicios, usuario: nuevo }),
        historial_id: historial.id,
        de: persona(reserva.usuario),
        a: persona(nuevo),
        costo_transferencia: costo,
        notificaciones: { ...notificaciones, notificar_cliente: true, template_usado: PLANTILLA_TRANSFERENCIA },
      };
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}
