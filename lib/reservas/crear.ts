// Staff (or the agency's own system through the sync API) create a reservation for a client. The
// client is given by id or by email (matched case-insensitively, or created without a password).
// With `referencia_externa` the call is idempotent: the same code with the same booking answers the
// existing reservation and creates nothing; with other data it is a 409 that points at PATCH.
// Capacity of the local day is respected with the same day lock as reschedules.
import { z } from "zod";
import type { Actor } from "@/lib/auth/credenciales";
import { usuarioPorEmail } from "@/lib/auth/credenciales";
import type { Db } from "@/lib/db/client";
import { ErrorDominio } from "@/lib/errores";
import { zonaAgencia } from "@/lib/formato/fecha";
import { Prisma } from "@/lib/generated/prisma/client";
import { fechaLocal } from "@/lib/reprogramacion/calendario";
import { bloquearDia, cargarOcupacion, obtenerConfiguracion } from "@/lib/reprogramacion/datos";
import { buscarAlternativas, libres } from "@/lib/reprogramacion/disponibilidad";
import { errorSinCapacidad } from "@/lib/reprogramacion/errores-reglas";
import { errorFueraDeHorizonte, limiteDeHorizonte } from "@/lib/reprogramacion/reprogramar";
import { telefonoMovilSchema } from "@/lib/telefono";
import { registrarAuditoria } from "@/lib/usuarios/auditoria";
import { emailSchema, errorDeValidacion, fechaIso, idEntero, montoDecimal, texto } from "@/lib/validacion";
import { INCLUIR_RESERVA, type ReservaCompleta } from "./serializar";

export const referenciaExternaSchema = texto(100, { min: 1, requerido: "Indique la referencia", mensajeMin: "Indique la referencia" }).meta({
  description: "Código de la reserva en el sistema de la agencia; único",
  example: "AG-2026-00123",
});
export const monedaSchema = z.string().regex(/^[A-Z]{3}$/, "Código ISO de 3 letras, p. ej. BOB");
export const serviciosSchema = z
  .array(z.object({ tipo: texto(50, { min: 2 }), descripcion: texto(300, { min: 2 }), precio: montoDecimal }).strict())
  .max(50);

const clienteSchema = z
  .object({
    email: emailSchema,
    nombre: texto(100, { min: 1, requerido: "Indique el nombre", mensajeMin: "Indique el nombre" }),
    apellido: texto(100, { min: 1, requerido: "Indique el apellido", mensajeMin: "Indique el apellido" }),
    celular: telefonoMovilSchema.optional(),
  })
  .strict()
  .meta({ description: "El cliente por su correo: se usa la cuenta existente o se crea una (sin contraseña)" });

export const nuevaReservaSchema = z
  .object({
    usuario: idEntero("Indique el id del cliente").optional(),
    cliente: clienteSchema.optional(),
    referencia_externa: referenciaExternaSchema.optional(),
    destino: texto(200, { min: 2, requerido: "El destino es requerido", mensajeMin: "El destino es requerido" }),
    fecha_inicio: fechaIso("La fecha de inicio es requerida"),
    total: montoDecimal,
    moneda: monedaSchema.default("BOB"),
    servicios: serviciosSchema.default([]),
  })
  .strict()
  .superRefine((d, ctx) => {
    if ((d.usuario === undefined) === (d.cliente === undefined))
      ctx.addIssue({ code: "custom", path: ["usuario"], message: "Indique el cliente por id (usuario) o por correo (cliente), uno de los dos" });
  });
type NuevaReserva = z.infer<typeof nuevaReservaSchema>;
type Tx = Prisma.TransactionClient;

/** Services as compared and audited: type, description and the price with two decimals, in order. */
export const serviciosNormalizados = (xs: { tipo: string; descripcion: string; precio: string | Prisma.Decimal }[]) =>
  xs.map((s) => ({ tipo: s.tipo, descripcion: s.descripcion, precio: new Prisma.Decimal(s.precio).toFixed(2) }));
export const mismosServicios = (a: Parameters<typeof serviciosNormalizados>[0], b: Parameters<typeof serviciosNormalizados>[0]) =>
  JSON.stringify(serviciosNormalizados(a)) === JSON.stringify(serviciosNormalizados(b));

/** The fields of a booking in which an existing reservation differs from what was sent (empty: the same booking). */
export function diferenciasDeReserva(r: ReservaCompleta, d: Pick<NuevaReserva, "destino" | "total" | "moneda" | "servicios" | "fecha_inicio"> & { email?: string; usuario?: number }): string[] {
  const diferencias: [string, boolean][] = [
    ["cliente", d.usuario !== undefined ? r.usuarioId !== d.usuario : r.usuario.email.toLowerCase() !== d.email?.trim().toLowerCase()],
    ["destino", r.destino !== d.destino],
    // A date moved inside the product is the product's: the booking is compared with its original date.
    ["fecha_inicio", (r.fechaOriginal ?? r.fechaInicio).getTime() !== new Date(d.fecha_inicio).getTime()],
    ["total", !r.total.equals(d.total)],
    ["moneda", r.moneda !== d.moneda],
    ["servicios", !mismosServicios(r.servicios, d.servicios)],
  ];
  return diferencias.filter(([, distinta]) => distinta).map(([campo]) => campo);
}

export const referenciaExistente = (reservaId: number, diferencias: string[]) =>
  new ErrorDominio(409, "REFERENCIA_EXISTENTE", `Ya existe la reserva #${reservaId} con esa referencia_externa y otros datos (${diferencias.join(", ")}). Para cambiarla use PATCH /api/reservas/${reservaId}/.`, {
    reserva_id: reservaId,
    diferencias,
  });

/** The client by id, or by email (found case-insensitively or created as a client without password). */
async function clienteDeLaReserva(tx: Tx, actor: Actor, datos: NuevaReserva) {
  if (datos.usuario !== undefined) {
    const cliente = await tx.usuario.findUnique({ where: { id: datos.usuario } });
    if (!cliente || cliente.rol !== "CLIENTE")
      throw new ErrorDominio(400, "DATOS_INVALIDOS", "El usuario indicado no es un cliente.", { campos: { usuario: "No existe un cliente con ese id" } });
    return cliente;
  }
  const c = datos.cliente!;
  const id = await usuarioPorEmail(tx, c.email);
  if (id) {
    const cliente = await tx.usuario.findUniqueOrThrow({ where: { id } });
    if (cliente.rol !== "CLIENTE")
      throw new ErrorDominio(400, "DATOS_INVALIDOS", "Ese correo es de una persona de la agencia, no de un cliente.", { campos: { "cliente.email": "Es el correo de personal de la agencia" } });
    return cliente;
  }
  const cliente = await tx.usuario.create({ data: { email: c.email, nombre: c.nombre, apellido: c.apellido, rol: "CLIENTE", nivel: "BRONZE", telefono: c.celular ?? null } });
  await registrarAuditoria(tx, cliente.id, actor.id, "CREADO", { rol: "CLIENTE", email: cliente.email, origen: "sincronizacion" });
  return cliente;
}

/** The reservation and whether this call created it (201) or found the same booking by its code (200). */
export async function crearReserva(db: Db, actor: Actor, body: unknown, ahora = new Date(), zona = zonaAgencia()): Promise<{ reserva: ReservaCompleta; creada: boolean }> {
  const parsed = nuevaReservaSchema.safeParse(body);
  if (!parsed.success) throw errorDeValidacion(parsed.error);
  const datos = parsed.data;
  const fechaInicio = new Date(datos.fecha_inicio);
  const escribir = () =>
    db.$transaction(
      async (tx) => {
        if (datos.referencia_externa) {
          const existente = await tx.reserva.findUnique({ where: { referenciaExterna: datos.referencia_externa }, include: INCLUIR_RESERVA });
          if (existente) {
            const diferencias = diferenciasDeReserva(existente, { ...datos, email: datos.cliente?.email });
            if (diferencias.length) throw referenciaExistente(existente.id, diferencias);
            return { reserva: existente, creada: false };
          }
        }
        if (fechaInicio <= ahora)
          throw new ErrorDominio(400, "FECHA_EN_PASADO", "La fecha de inicio debe ser en el futuro.", { campos: { fecha_inicio: "Debe ser en el futuro" } });
        const config = await obtenerConfiguracion(tx);
        if (fechaInicio > limiteDeHorizonte(ahora, config.horizonteReservaDias)) throw errorFueraDeHorizonte("fecha_inicio", ahora, config.horizonteReservaDias);
        // The client's email first, then the day: the order imports take them in (no deadlock).
        const cliente = await clienteDeLaReserva(tx, actor, datos);
        const dia = fechaLocal(fechaInicio, zona);
        await bloquearDia(tx, dia);
        const ocupacion = await cargarOcupacion(tx, fechaInicio, zona, config.capacidadDiariaPorDefecto, null);
        const cupo = libres(ocupacion, dia);
        if (cupo.libres <= 0) throw errorSinCapacidad(fechaInicio, cupo, buscarAlternativas(fechaInicio, zona, ocupacion, () => true), null);
        const reserva = await tx.reserva.create({
          data: {
            usuarioId: cliente.id,
            destino: datos.destino,
            fechaInicio,
            total: datos.total,
            moneda: datos.moneda,
            referenciaExterna: datos.referencia_externa ?? null,
            servicios: { create: datos.servicios },
          },
          include: INCLUIR_RESERVA,
        });
        return { reserva, creada: true };
      },
      { maxWait: 30_000, timeout: 30_000 },
    );
  try {
    return await escribir();
  } catch (error) {
    // Two calls with the same new code (or the same new client) at once: the unique index lets one
    // in; the other, run again, finds what the first wrote and answers like a repeat.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return escribir();
    throw error;
  }
}
