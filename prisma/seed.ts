// Demo data for development: four accounts, the seed documents' rules and, for each client,
// reservations placed relative to the day the seed runs so the demo works any day. Idempotent:
// existing accounts and rules are kept, and a demo reservation is only added while its client has
// no upcoming one for that destination.
import bcrypt from "bcryptjs";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NivelCliente, Rol } from "@/lib/generated/prisma/enums";
import { aLaHoraLocal, diaSemana, fechaLocal, HORA_MS } from "@/lib/reprogramacion/calendario";
import { feriadoNacional } from "@/lib/reprogramacion/feriados";

export const DEMO_PASSWORD = "demo1234";

interface Cuenta {
  email: string;
  nombre: string;
  apellido: string;
  rol: Rol;
  nivel?: NivelCliente;
  departamento?: string;
  telefono?: string;
}

export const CUENTAS_DEMO: Cuenta[] = [
  { email: "cliente@demo.bo", nombre: "Juan", apellido: "Pérez", rol: "CLIENTE", telefono: "+59171234567" },
  { email: "vip@demo.bo", nombre: "Ana", apellido: "Quispe", rol: "CLIENTE", nivel: "GOLD", telefono: "+59172345678" },
  { email: "operador@demo.bo", nombre: "María", apellido: "Mamani", rol: "OPERADOR", departamento: "Atención al Cliente" },
  { email: "admin@demo.bo", nombre: "Carlos", apellido: "Rojas", rol: "ADMIN", departamento: "Administración" },
];

const SERVICIOS: Record<string, { tipo: string; descripcion: string; precio: string }[]> = {
  "Cusco y Machu Picchu": [
    { tipo: "VUELO", descripcion: "Vuelo La Paz – Cusco, ida y vuelta", precio: "1500.00" },
    { tipo: "HOTEL", descripcion: "Hotel 3 noches con desayuno", precio: "750.00" },
    { tipo: "TRASLADO", descripcion: "Traslado aeropuerto – hotel", precio: "150.00" },
  ],
  "Salar de Uyuni": [
    { tipo: "BUS", descripcion: "Bus cama La Paz – Uyuni", precio: "350.00" },
    { tipo: "TOUR", descripcion: "Tour 3 días por el salar", precio: "1500.00" },
  ],
  "Lago Titicaca – Copacabana": [
    { tipo: "TOUR", descripcion: "Excursión Copacabana e Isla del Sol", precio: "680.00" },
    { tipo: "HOTEL", descripcion: "Hostal 1 noche", precio: "300.00" },
  ],
  "Rurrenabaque – Parque Madidi": [
    { tipo: "VUELO", descripcion: "Vuelo La Paz – Rurrenabaque", precio: "1650.50" },
    { tipo: "TOUR", descripcion: "Eco-lodge 3 noches con guía", precio: "1500.00" },
  ],
};

const suma = (destino: string) =>
  SERVICIOS[destino].reduce((total, s) => total.add(s.precio), new Prisma.Decimal(0)).toFixed(2);

/** The next weekday at least `dias` days after `desde`, at a local time. */
function proximoDiaHabil(desde: Date, dias: number, hora: number, zona: string): Date {
  for (let extra = 0; ; extra++) {
    const fecha = aLaHoraLocal(desde, dias + extra, hora, 0, zona);
    if (!["SABADO", "DOMINGO"].includes(diaSemana(fecha, zona)) && !feriadoNacional(fechaLocal(fecha, zona))) return fecha;
  }
}

export async function seed(db: Db, ahora = new Date(), zona = process.env.AGENCIA_TZ || "America/La_Paz") {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const usuarios = new Map<string, { id: number }>();
  for (const cuenta of CUENTAS_DEMO) {
    const usuario = await db.usuario.upsert({
      where: { email: cuenta.email },
      update: {},
      create: { ...cuenta, passwordHash },
    });
    usuarios.set(cuenta.email, usuario);
  }
  const admin = usuarios.get("admin@demo.bo")!;

  await db.configuracionAgencia.upsert({ where: { id: 1 }, update: {}, create: { id: 1 } });

  const reglas: Prisma.ReglaReprogramacionCreateManyInput[] = [
    {
      nombre: "Tiempo mínimo 24 horas",
      tipoRegla: "TIEMPO_MINIMO",
      aplicableA: "TODOS",
      valorNumerico: 24,
      prioridad: 10,
      mensajeError: "Debe reprogramar con al menos 24 horas de anticipación",
    },
    {
      nombre: "Máximo 3 reprogramaciones",
      tipoRegla: "LIMITE_REPROGRAMACIONES",
      aplicableA: "TODOS",
      valorNumerico: 3,
      prioridad: 10,
      mensajeError: "Ha alcanzado el límite máximo de reprogramaciones",
    },
    {
      nombre: "Sin fines de semana",
      tipoRegla: "DIA_BLACKOUT",
      aplicableA: "TODOS",
      // As updated in the contract (seed 003 §6): weekends and Bolivian national holidays.
      valorTexto: "SABADO,DOMINGO,FERIADOS",
      prioridad: 10,
      mensajeError: "No se permite reprogramar para fines de semana ni feriados",
      condicionesExtras: { excluir_feriados_nacionales: true },
    },
    {
      nombre: "Tiempo mínimo VIP",
      tipoRegla: "TIEMPO_MINIMO",
      aplicableA: "CLIENTE",
      valorNumerico: 12,
      prioridad: 1,
      mensajeError: "Clientes VIP pueden reprogramar con 12 horas de anticipación",
      fechaInicioVigencia: new Date(ahora.getTime() - 30 * 24 * HORA_MS),
      fechaFinVigencia: new Date(ahora.getTime() + 730 * 24 * HORA_MS),
      condicionesExtras: { solo_clientes_vip: true, nivel_minimo: "GOLD", excluir_feriados: false },
    },
    // Policies (what leaving or changing a booking costs), edited like any rule.
    {
      nombre: "Política de cancelación",
      tipoRegla: "POLITICA_CANCELACION",
      aplicableA: "TODOS",
      prioridad: 10,
      mensajeError: "La reserva no se puede cancelar",
      condicionesExtras: { tramos: [{ desde_horas: 168, porcentaje: 100 }, { desde_horas: 72, porcentaje: 70 }, { desde_horas: 24, porcentaje: 50 }, { desde_horas: 0, porcentaje: 0 }] },
    },
    {
      nombre: "Cambio con menos de 72 horas",
      tipoRegla: "COSTO_REPROGRAMACION",
      aplicableA: "CLIENTE",
      prioridad: 10,
      mensajeError: "Los cambios con menos de 72 horas de anticipación tienen costo",
      condicionesExtras: { tramos: [{ desde_horas: 72, monto: "0.00" }, { desde_horas: 0, monto: "50.00" }] },
    },
    {
      nombre: "Transferencia a otra persona",
      tipoRegla: "TRANSFERENCIA",
      aplicableA: "TODOS",
      prioridad: 10,
      mensajeError: "Las transferencias se aceptan hasta 24 horas antes del inicio",
      condicionesExtras: { permitida: true, costo: "25.00", hasta_horas: 24 },
    },
  ];
  for (const regla of reglas) {
    const existe = await db.reglaReprogramacion.findFirst({ where: { nombre: regla.nombre } });
    if (!existe) await db.reglaReprogramacion.create({ data: { ...regla, creadoPorId: admin.id } });
  }

  const diaCasiLleno = proximoDiaHabil(ahora, 7, 15, zona);
  for (const email of ["cliente@demo.bo", "vip@demo.bo"]) {
    const cliente = usuarios.get(email)!;
    const horaRedonda = new Date(Math.floor((ahora.getTime() + 12 * HORA_MS) / HORA_MS) * HORA_MS);
    const demos: { destino: string; fechaInicio: Date; reprogramaciones?: number }[] = [
      { destino: "Cusco y Machu Picchu", fechaInicio: aLaHoraLocal(ahora, 5, 10, 0, zona) },
      { destino: "Salar de Uyuni", fechaInicio: horaRedonda },
      { destino: "Lago Titicaca – Copacabana", fechaInicio: aLaHoraLocal(ahora, 20, 9, 0, zona), reprogramaciones: 3 },
      { destino: "Rurrenabaque – Parque Madidi", fechaInicio: diaCasiLleno },
    ];
    for (const demo of demos) {
      const vigente = await db.reserva.findFirst({
        where: { usuarioId: cliente.id, destino: demo.destino, fechaInicio: { gt: ahora } },
      });
      if (vigente) continue;
      await crearReservaDemo(db, cliente.id, demo.destino, demo.fechaInicio, demo.reprogramaciones ?? 0, ahora);
    }
  }

  // The "nearly full" day keeps exactly one free place.
  const dia = new Date(`${fechaLocal(diaCasiLleno, zona)}T00:00:00Z`);
  const existente = await db.capacidadFecha.findUnique({ where: { fecha: dia } });
  if (!existente) {
    const ocupadas = await db.reserva.count({
      where: {
        fechaInicio: { gte: aLaHoraLocal(diaCasiLleno, 0, 0, 0, zona), lt: aLaHoraLocal(diaCasiLleno, 1, 0, 0, zona) },
        estado: { notIn: ["CANCELADA"] },
      },
    });
    await db.capacidadFecha.create({ data: { fecha: dia, capacidadMaxima: ocupadas + 1 } });
  }
}

async function crearReservaDemo(
  db: Db,
  usuarioId: number,
  destino: string,
  fechaInicio: Date,
  reprogramaciones: number,
  ahora: Date,
) {
  const total = suma(destino);
  const fechas = Array.from({ length: reprogramaciones + 1 }, (_, i) => new Date(fechaInicio.getTime() - (reprogramaciones - i) * 24 * HORA_MS));
  await db.$transaction(async (tx) => {
    const reserva = await tx.reserva.create({
      data: {
        usuarioId,
        destino,
        fechaInicio,
        fechaOriginal: reprogramaciones ? fechas[0] : null,
        estado: reprogramaciones ? "REPROGRAMADA" : "CONFIRMADA",
        total,
        numeroReprogramaciones: reprogramaciones,
        fechaReprogramacion: reprogramaciones ? new Date(ahora.getTime() - 24 * HORA_MS) : null,
        motivoReprogramacion: reprogramaciones ? "Tercera reprogramación" : null,
        reprogramadoPorId: reprogramaciones ? usuarioId : null,
        tipoUltimaReprogramacion: reprogramaciones ? "CLIENTE" : null,
        servicios: { create: SERVICIOS[destino] },
      },
    });
    const motivos = ["Primera reprogramación", "Segunda reprogramación", "Tercera reprogramación"];
    for (let i = 0; i < reprogramaciones; i++) {
      await tx.historialReprogramacion.create({
        data: {
          reservaId: reserva.id,
          fechaAnterior: fechas[i],
          fechaNueva: fechas[i + 1],
          motivo: motivos[i] ?? `Reprogramación ${i + 1}`,
          tipo: "CLIENTE",
          actorId: usuarioId,
          reglasAplicadas: ["TIEMPO_MINIMO", "LIMITE_REPROGRAMACIONES", "DIA_BLACKOUT"],
          totalAnterior: total,
          totalNuevo: total,
          // Demo history from before the product: nobody was notified, and no delivery exists.
          notificarCliente: false,
          clienteNotificado: false,
          emailEnviado: false,
          observacionesInternas: "Dato de demostración: reprogramación anterior al sistema, sin avisos enviados.",
          createdAt: new Date(ahora.getTime() - (reprogramaciones - i) * 24 * HORA_MS),
        },
      });
    }
  });
}
