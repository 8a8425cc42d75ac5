// Email content for every variant, rendered from real reschedules (real rows, real formatting).
import { afterAll, describe, expect, it } from "vitest";
import { contactoAgencia, INCLUIR_HISTORIAL_CORREO, renderizarCorreo } from "@/lib/notificaciones/correo/contenido";
import { PLANTILLA_ADMIN, type PlantillaCliente } from "@/lib/notificaciones/plantillas";
import { reprogramarReserva } from "@/lib/reprogramacion/reprogramar";
import { formatearFechaHora } from "@/lib/formato/fecha";
import type { Actor } from "@/lib/auth/credenciales";
import { db } from "./db";
import { actorDemo, clienteConReserva } from "./escenario";

afterAll(() => db.$disconnect());

async function reprogramarYRenderizar(quien: "cliente" | Actor, body: Record<string, unknown>, plantilla?: string) {
  const escenario = await clienteConReserva({ nombre: "Lucía" });
  const actor = quien === "cliente" ? escenario.actor : quien;
  const resultado = await reprogramarReserva(db, actor, escenario.reserva.id, { nueva_fecha: escenario.nuevaFecha.toISOString(), ...body });
  const historial = await db.historialReprogramacion.findUniqueOrThrow({ where: { id: resultado.historial.id }, include: INCLUIR_HISTORIAL_CORREO });
  const entrega = await db.entregaNotificacion.findFirst({ where: { historialId: historial.id, canal: "EMAIL" } });
  const correo = await renderizarCorreo(historial, plantilla ?? entrega!.plantilla, await contactoAgencia(db));
  return { ...escenario, historial, correo, plantillaElegida: entrega?.plantilla as PlantillaCliente | undefined };
}

describe("correo al cliente", () => {
  it("estándar: saludo, fechas con zona, motivo, servicios, total, contacto y enlaces", async () => {
    const { correo, reserva, nuevaFecha, plantillaElegida } = await reprogramarYRenderizar("cliente", { motivo: "Cambio de vuelo por trabajo" });
    expect(plantillaElegida).toBe("reprogramacion");
    expect(correo.asunto).toBe(`Tu reserva #${reserva.id} ha sido reprogramada`);
    const t = correo.texto;
    expect(t).toContain("Hola Lucía Condori,");
    expect(t).toContain(`Te confirmamos que tu reserva #${reserva.id} a Lago Titicaca fue reprogramada.`);
    expect(t).toContain(formatearFechaHora(reserva.fechaInicio));
    expect(t).toContain(formatearFechaHora(nuevaFecha));
    expect(t).toContain("(hora de America/La_Paz)");
    expect(t).toContain("Cambio de vuelo por trabajo");
    expect(t).toContain("Tour Isla del Sol: Bs 1.800,00");
    expect(t).toContain("Hotel en Copacabana: Bs 600,00");
    expect(t).toContain("Total: Bs 2.400,00 (BOB)");
    expect(t).toContain("soporte@agencia.bo");
    expect(t).not.toContain("descuento");
    expect(correo.html).toContain(`/reservas?reserva=${reserva.id}`);
    expect(correo.html).toContain("mailto:soporte@agencia.bo");
    expect(correo.html).toContain('name="viewport"');
    expect(correo.html).toContain('lang="es"');
  });

  it("con descuento del operador: porcentaje, monto, total anterior y nuevo", async () => {
    const operador = await actorDemo("operador@demo.bo");
    const { correo, plantillaElegida } = await reprogramarYRenderizar(operador, {
      motivo: "Cliente llamó por un cambio de vuelo",
      aplicar_descuento: true,
      porcentaje_descuento: 5,
      observaciones_internas: "No mostrar al cliente",
    });
    expect(plantillaElegida).toBe("reprogramacion_con_descuento");
    expect(correo.texto).toContain("Aplicamos un descuento del 5 % (Bs 120,00) a tu reserva.");
    expect(correo.texto).toContain("Total anterior: Bs 2.400,00 · Total nuevo: Bs 2.280,00");
    expect(correo.texto).toContain("Total: Bs 2.280,00 (BOB)");
    expect(correo.texto).not.toContain("No mostrar al cliente");
  });

  it("administrativa: explica la decisión de la agencia, cupón y mensaje para el cliente", async () => {
    const admin = await actorDemo("admin@demo.bo");
    const { correo, historial, plantillaElegida } = await reprogramarYRenderizar(admin, {
      motivo: "Cierre del lago por condiciones climáticas",
      tipo_reprogramacion: "ADMINISTRATIVA",
      compensacion_adicional: { tipo: "CUPONES", cantidad: 1, valor: "150.00" },
      observaciones_cliente: "Le pedimos disculpas por el cambio.",
      observaciones_internas: "Coordinado con el hotel",
    });
    expect(plantillaElegida).toBe("reprogramacion_administrativa");
    expect(correo.texto).toContain("Por una decisión operativa de la agencia");
    expect(correo.texto).toContain(`Cupón ${historial.cupones[0].codigo} por Bs 150,00`);
    expect(correo.texto).toContain("Le pedimos disculpas por el cambio.");
    expect(correo.texto).not.toContain("Coordinado con el hotel");
  });
});

describe("correo de auditoría a admins", () => {
  it("incluye actor, cliente, reglas, notas internas y estado del aviso", async () => {
    const operador = await actorDemo("operador@demo.bo");
    const { correo, reserva, usuario } = await reprogramarYRenderizar(
      operador,
      { motivo: "Cliente llamó por un cambio de vuelo", observaciones_internas: "Cliente molesto, tratar con prioridad", notificar_cliente: false, prioridad: "ALTA" },
      PLANTILLA_ADMIN,
    );
    expect(correo.asunto).toBe(`[Auditoría] Reserva #${reserva.id} reprogramada (OPERADOR_ASISTIDO) por María Mamani`);
    expect(correo.texto).toContain(`Lucía Condori (${usuario.email})`);
    expect(correo.texto).toContain("María Mamani (operador@demo.bo) · OPERADOR");
    expect(correo.texto).toContain("Cliente molesto, tratar con prioridad");
    expect(correo.texto).toContain("TIEMPO_MINIMO");
    expect(correo.texto).toContain("ALTA");
    expect(correo.texto).toContain("Sin aviso al cliente (notificar_cliente = false)");
    expect(correo.texto).toContain("Bs 2.400,00 → Bs 2.400,00 (BOB)");
  });
});
