// The CSV import against the real database: a dry run that names each problem and writes nothing,
// the import (creates, errors, the full-day warning), the same file again (nothing changes), the
// LibreOffice spelling of the same file, a changed total, a date the product rescheduled (conflict),
// and twenty overlapping imports racing live reschedules into the same full day.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capacidadDelMes } from "@/lib/agencia/capacidad";
import type { Actor } from "@/lib/auth/credenciales";
import { ErrorDominio } from "@/lib/errores";
import { columnaDeDia } from "@/lib/reprogramacion/calendario";
import { crearImportacion, estadoImportacion, informeComoCsv, procesarImportacion, simularImportacion } from "@/lib/importacion/importar";
import { reprogramarReserva } from "@/lib/reprogramacion/reprogramar";
import { diaHabil, diaLocal } from "../fechas";
import { db } from "./db";
import { actorDemo, clienteConReserva } from "./escenario";

const ZONA = "America/La_Paz";
const ENCABEZADO = ["referencia", "cliente_email", "cliente_nombre", "cliente_apellido", "cliente_celular", "destino", "fecha_inicio", "total", "moneda", "servicios", "estado"];
let admin: Actor;

beforeAll(async () => {
  admin = await actorDemo("admin@demo.bo");
});
// Days far beyond the other files' (they book up to ~360 days ahead); their own capacities go away after.
const diasConCupo: Date[] = [];
afterAll(async () => {
  await db.capacidadFecha.deleteMany({ where: { fecha: { in: diasConCupo } } });
  await db.$disconnect();
});

/** "AAAA-MM-DD HH:mm" in La Paz, as the agency's export writes it. */
const local = (fecha: Date) => new Date(fecha.getTime() - 4 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

type Fila = Record<(typeof ENCABEZADO)[number], string>;
function csv(filas: Fila[], estilo: "excel" | "libreoffice" = "excel") {
  const sep = estilo === "excel" ? "," : ";";
  // es-BO amounts: "1.300,00" (thousands with dots, decimals with a comma).
  const monto = (t: string) => (estilo === "excel" || !/^\d+\.\d\d$/.test(t) ? t : t.replace(/^(\d+)\.(\d\d)$/, (_, e: string, d: string) => `${e.replace(/\B(?=(\d{3})+$)/g, ".")},${d}`));
  const celda = (t: string) => (t.includes(sep) || t.includes('"') ? `"${t.replaceAll('"', '""')}"` : t);
  const servicios = (t: string) => (estilo === "excel" ? t : t.replace(/\|(\d+\.\d\d)(?=;|$)/g, (_, p) => `|${monto(p)}`));
  return [ENCABEZADO.join(sep), ...filas.map((f) => ENCABEZADO.map((c) => celda(c === "total" ? monto(f[c]) : c === "servicios" ? servicios(f[c]) : f[c])).join(sep))].join("\r\n");
}

/** A fingerprint of what an import may write: reservations, their services, clients, their audits. */
async function huella() {
  const [fila] = await db.$queryRaw<{ h: string }[]>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(r::text, ',' ORDER BY id) FROM reserva r),
      (SELECT string_agg(s::text, ',' ORDER BY id) FROM servicio s),
      (SELECT string_agg(u::text, ',' ORDER BY id) FROM usuario u),
      (SELECT string_agg(a::text, ',' ORDER BY id) FROM auditoria_reserva a),
      (SELECT string_agg(a::text, ',' ORDER BY id) FROM auditoria_usuario a),
      (SELECT count(*)::text FROM entrega_notificacion))) AS h`;
  return fila.h;
}

async function importar(contenido: string, enviarBienvenida = false) {
  const { id } = await crearImportacion(db, admin, { nombre: "reservas.csv", contenido: Buffer.from(contenido) }, enviarBienvenida, ZONA);
  await procesarImportacion(db, id, ZONA);
  return estadoImportacion(db, id);
}

/** A local day with at least two bookings and exactly `libres` free places (other files may book the same day). */
async function diaConLibres(dia: Date, libres: number) {
  const contar = async () => (await capacidadDelMes(db, diaLocal(dia).slice(0, 7), ZONA)).dias.find((d) => d.fecha === diaLocal(dia))!.ocupadas;
  const { usuario } = await clienteConReserva();
  for (let n = await contar(); n < 2; n++) await db.reserva.create({ data: { usuarioId: usuario.id, destino: "Ocupa el día", fechaInicio: dia, total: "100.00" } });
  const ocupadas = await contar();
  const fecha = columnaDeDia(diaLocal(dia));
  diasConCupo.push(fecha);
  await db.capacidadFecha.upsert({ where: { fecha }, update: { capacidadMaxima: ocupadas + libres }, create: { fecha, capacidadMaxima: ocupadas + libres } });
  return { ocupadas, capacidad: ocupadas + libres };
}

describe("importación de 12 filas con 3 errores y un día lleno", () => {
  const marca = randomUUID().slice(0, 6);
  const diaLleno = diaHabil(462, 9);
  const fila = (n: number, extra: Partial<Fila> = {}): Fila => ({
    referencia: `IMP-${marca}-${n}`,
    cliente_email: `viajero${n % 4}.${marca}@correo.bo`,
    cliente_nombre: "Viajero",
    cliente_apellido: `Número ${n % 4}`,
    cliente_celular: n % 2 ? "71234567" : "",
    destino: `Destino ${n}`,
    fecha_inicio: local(diaHabil(464 + 2 * n, 8, 30)),
    total: `${1000 + n * 100}.00`,
    moneda: n % 3 ? "BOB" : "USD",
    servicios: n % 2 ? `TOUR|Tour ${n}|${600 + n}.00;HOTEL|Hotel ${n}|${400 + n * 99}.00` : "",
    estado: "",
    ...extra,
  });
  const filas = [
    fila(1), fila(2), fila(3), fila(4),
    fila(5, { fecha_inicio: "2027-02-30 10:00" }),
    fila(6), fila(7),
    fila(8, { moneda: "XYZ" }),
    fila(9), fila(10),
    fila(2, { destino: "Otra vez la 2" }),
    fila(12, { fecha_inicio: local(diaLleno) }),
  ];
  let primera: Awaited<ReturnType<typeof importar>>;
  let lleno: Awaited<ReturnType<typeof diaConLibres>>;

  it("la prueba nombra cada problema por línea y columna, avisa del día lleno y no escribe nada", async () => {
    lleno = await diaConLibres(diaLleno, 0);
    const antes = await huella();
    const prueba = await simularImportacion(db, Buffer.from(`\uFEFF${csv(filas)}`), new Date(), ZONA);
    expect(await huella()).toBe(antes);
    expect(prueba.resumen).toEqual({ creadas: 9, actualizadas: 0, sin_cambios: 0, conflictos: 0, errores: 3, advertencias: 1 });
    const errores = prueba.filas.filter((f) => f.resultado === "error").map((f) => ({ linea: f.linea, errores: f.errores }));
    expect(errores).toEqual([
      { linea: 6, errores: [{ columna: "fecha_inicio", mensaje: "La fecha «2027-02-30 10:00» no es válida: use AAAA-MM-DD HH:mm (hora de America/La_Paz) o ISO 8601 con zona." }] },
      { linea: 9, errores: [{ columna: "moneda", mensaje: "La moneda «XYZ» no existe: use un código ISO 4217 como BOB o USD." }] },
      { linea: 12, errores: [{ columna: "referencia", mensaje: `La referencia «IMP-${marca}-2» ya está en la línea 3 del archivo.` }] },
    ]);
    expect(prueba.filas.find((f) => f.linea === 13)?.advertencias).toEqual([`El ${diaLocal(diaLleno)} queda con ${lleno.ocupadas + 1} reservas para ${lleno.capacidad} lugares: se importa igual, y ese día no admite reprogramaciones hacia él.`]);
  });

  it("la importación crea 9 reservas y sus clientes, informa 3 errores y 1 advertencia; el día queda marcado como excedido", async () => {
    primera = await importar(csv(filas));
    expect(primera).toMatchObject({ estado: "TERMINADA", total: 12, procesadas: 12, resumen: { creadas: 9, actualizadas: 0, sin_cambios: 0, conflictos: 0, errores: 3, advertencias: 1 } });
    const creadas = await db.reserva.findMany({ where: { referenciaExterna: { startsWith: `IMP-${marca}-` } }, include: { servicios: true, usuario: true } });
    expect(creadas).toHaveLength(9);
    expect(new Set(creadas.map((r) => r.usuario.email)).size).toBe(4);
    expect(creadas.every((r) => r.usuario.rol === "CLIENTE" && r.usuario.passwordHash === null)).toBe(true);
    const tres = creadas.find((r) => r.referenciaExterna === `IMP-${marca}-3`)!;
    expect(tres).toMatchObject({ destino: "Destino 3", moneda: "USD", estado: "CONFIRMADA", usuario: { telefono: "+59171234567" } });
    expect(tres.total.toFixed(2)).toBe("1300.00");
    expect(tres.servicios.map((s) => `${s.tipo} ${s.precio.toFixed(2)}`).sort()).toEqual(["HOTEL 697.00", "TOUR 603.00"]);
    // Nobody asked for the welcome email: none was queued.
    expect(await db.entregaNotificacion.count({ where: { usuarioId: { in: creadas.map((r) => r.usuarioId) } } })).toBe(0);

    const mes = await capacidadDelMes(db, diaLocal(diaLleno).slice(0, 7), ZONA);
    expect(mes.dias.find((d) => d.fecha === diaLocal(diaLleno))).toMatchObject({ capacidad: lleno.capacidad, ocupadas: lleno.capacidad + 1, libres: 0 });
    const { actor, reserva } = await clienteConReserva();
    await expect(reprogramarReserva(db, actor, reserva.id, { nueva_fecha: diaLleno.toISOString(), motivo: "Quiero ese día" })).rejects.toMatchObject({ errorCode: "FECHA_NO_DISPONIBLE" });
    const informe = informeComoCsv(primera.filas!);
    expect(informe.split("\n")[0]).toBe("linea,referencia,resultado,reserva_id,errores,cambios,conflicto,advertencias");
    expect(informe).toContain(`9,IMP-${marca}-8,error,,moneda: La moneda «XYZ» no existe: use un código ISO 4217 como BOB o USD.,,,`);
  });

  it("el mismo archivo otra vez: 9 «sin cambios» y nada escrito; guardado por LibreOffice con ; y 2.400,00, igual", async () => {
    const antes = await huella();
    const segunda = await importar(csv(filas));
    expect(segunda.resumen).toEqual({ creadas: 0, actualizadas: 0, sin_cambios: 9, conflictos: 0, errores: 3, advertencias: 0 });
    const libreoffice = csv(filas, "libreoffice");
    expect(libreoffice).toContain(";1.300,00;USD;");
    const tercera = await importar(libreoffice);
    expect(tercera.resumen).toEqual(segunda.resumen);
    expect(tercera.filas!.map((f) => [f.linea, f.resultado, f.reserva_id])).toEqual(segunda.filas!.map((f) => [f.linea, f.resultado, f.reserva_id]));
    expect(await huella()).toBe(antes);
  });

  it("un total cambiado en la fila 3 actualiza solo esa reserva; una reprogramada en el producto es un conflicto y conserva su fecha", async () => {
    const tres = await db.reserva.findUniqueOrThrow({ where: { referenciaExterna: `IMP-${marca}-3` } });
    const cuatro = await db.reserva.findUniqueOrThrow({ where: { referenciaExterna: `IMP-${marca}-4` } });
    const nuevaFecha = diaHabil(540, 11);
    await reprogramarReserva(db, admin, cuatro.id, { nueva_fecha: nuevaFecha.toISOString(), motivo: "Cambio pedido por el cliente" });
    const otras = await db.reserva.findMany({ where: { referenciaExterna: { startsWith: `IMP-${marca}-` }, id: { notIn: [tres.id, cuatro.id] } }, orderBy: { id: "asc" } });

    const cambiado = filas.map((f) => (f.referencia === `IMP-${marca}-3` ? { ...f, total: "1350.50" } : f));
    const prueba = await simularImportacion(db, Buffer.from(csv(cambiado)), new Date(), ZONA);
    expect(prueba.resumen).toEqual({ creadas: 0, actualizadas: 1, sin_cambios: 7, conflictos: 1, errores: 3, advertencias: 0 });
    const resultado = await importar(csv(cambiado));
    expect(resultado.resumen).toEqual(prueba.resumen);
    expect(resultado.filas!.find((f) => f.linea === 4)).toMatchObject({ resultado: "actualizar", reserva_id: tres.id, cambios: { total: { antes: "1300.00", despues: "1350.50" } } });
    expect((await db.reserva.findUniqueOrThrow({ where: { id: tres.id } })).total.toFixed(2)).toBe("1350.50");
    expect(await db.auditoriaReserva.findMany({ where: { reservaId: tres.id }, select: { cambios: true } })).toEqual([{ cambios: { total: { antes: "1300.00", despues: "1350.50" }, origen: `importacion #${resultado.id}` } }]);
    expect(await db.reserva.findMany({ where: { id: { in: otras.map((r) => r.id) } }, orderBy: { id: "asc" } })).toEqual(otras);

    const conflicto = resultado.filas!.find((f) => f.linea === 5)!;
    expect(conflicto).toMatchObject({ resultado: "conflicto", reserva_id: cuatro.id, cambios: {} });
    expect(conflicto.conflicto).toMatch(new RegExp(`^La reserva #${cuatro.id} se reprogramó en el producto al .+ \\(hora de America/La_Paz\\); se mantiene esa fecha y no la del archivo: el historial del producto manda\\.$`));
    expect((await db.reserva.findUniqueOrThrow({ where: { id: cuatro.id } })).fechaInicio).toEqual(nuevaFecha);
  });

  it("con «enviar bienvenida», cada cliente nuevo recibe un correo (uno solo, aunque tenga varias reservas)", async () => {
    const otra = randomUUID().slice(0, 6);
    const nuevas = [0, 1, 2].map((n) => ({ ...fila(20 + n), referencia: `BIEN-${otra}-${n}`, cliente_email: `bienvenida${n % 2}.${otra}@correo.bo` }));
    const resultado = await importar(csv(nuevas), true);
    expect(resultado.resumen.creadas).toBe(3);
    const entregas = await db.entregaNotificacion.findMany({ where: { destinatario: { endsWith: `.${otra}@correo.bo` } }, orderBy: { destinatario: "asc" } });
    expect(entregas.map((e) => [e.destinatario, e.plantilla])).toEqual([
      [`bienvenida0.${otra}@correo.bo`, "cuenta_bienvenida"],
      [`bienvenida1.${otra}@correo.bo`, "cuenta_bienvenida"],
    ]);
  });
});

describe("un archivo inválido se rechaza entero y no escribe nada", () => {
  it.each([
    ["vacío", "", "ARCHIVO_VACIO"],
    ["sin encabezado requerido", "referencia,destino\nA,B", "ENCABEZADO_FALTANTE"],
    ["binario", "\u0000\u0001PK", "ARCHIVO_NO_CSV"],
    ["más de 20.000 filas", `${ENCABEZADO.join(",")}\n${"x\n".repeat(20_001)}`, "ARCHIVO_DEMASIADO_GRANDE"],
  ])("%s", async (_, contenido, codigo) => {
    const antes = [await huella(), await db.importacion.count()];
    for (const intento of [() => simularImportacion(db, Buffer.from(contenido)), () => crearImportacion(db, admin, { nombre: "x.csv", contenido: Buffer.from(contenido) }, false)]) {
      const error = await intento().catch((e) => e);
      expect(error).toBeInstanceOf(ErrorDominio);
      expect(error).toMatchObject({ status: 400, errorCode: codigo });
    }
    expect([await huella(), await db.importacion.count()]).toEqual(antes);
  });
});

describe("20 importaciones a la vez y reprogramaciones al mismo día lleno", () => {
  it("ninguna referencia se duplica y ninguna reprogramación entra a un día que estaba lleno al confirmarse", async () => {
    const marca = randomUUID().slice(0, 6);
    const dia = diaHabil(500, 7);
    const { ocupadas: antes, capacidad } = await diaConLibres(dia, 3);
    // Every arrival into a day, in the order writers got its lock (each holds it until it commits).
    await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS prueba_llegada (id bigserial, reserva_id int, operacion text, dia text, en timestamptz DEFAULT clock_timestamp())`);
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION prueba_registrar_llegada() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR NEW.fecha_inicio IS DISTINCT FROM OLD.fecha_inicio THEN
          INSERT INTO prueba_llegada (reserva_id, operacion, dia) VALUES (NEW.id, TG_OP, to_char(NEW.fecha_inicio AT TIME ZONE 'America/La_Paz', 'YYYY-MM-DD'));
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE OR REPLACE TRIGGER prueba_llegada AFTER INSERT OR UPDATE OF fecha_inicio ON reserva FOR EACH ROW EXECUTE FUNCTION prueba_registrar_llegada()`);
    try {
      // 12 referencias, 6 on the full day; file k holds 6 of them, overlapping its neighbours.
      const referencias = Array.from({ length: 12 }, (_, n) => ({
        referencia: `PAR-${marca}-${n}`,
        cliente_email: `paralelo${n % 5}.${marca}@correo.bo`,
        cliente_nombre: "Paralelo",
        cliente_apellido: `${n}`,
        cliente_celular: "",
        destino: "Uyuni",
        fecha_inicio: local(n % 2 ? dia : diaHabil(502 + n, 10)),
        total: "500.00",
        moneda: "BOB",
        servicios: "",
        estado: "",
      }));
      const archivos = Array.from({ length: 20 }, (_, k) => csv(Array.from({ length: 6 }, (_, i) => referencias[(k + i * 2) % 12])));
      const ids = await Promise.all(archivos.map((contenido) => crearImportacion(db, admin, { nombre: "paralelo.csv", contenido: Buffer.from(contenido) }, false, ZONA)));
      const clientes = await Promise.all(Array.from({ length: 8 }, () => clienteConReserva()));
      const [importaciones, reprogramaciones] = await Promise.all([
        Promise.all(ids.map(({ id }) => procesarImportacion(db, id, ZONA).then(() => estadoImportacion(db, id)))),
        Promise.all(
          clientes.map(({ actor, reserva }, i) =>
            new Promise((r) => setTimeout(r, i * 15)).then(() =>
              reprogramarReserva(db, actor, reserva.id, { nueva_fecha: new Date(dia.getTime() + i * 60_000).toISOString(), motivo: "Al día de la importación" }).then(
                () => "MOVIDA",
                (e) => (e instanceof ErrorDominio ? e.errorCode : String(e)),
              ),
            ),
          ),
        ),
      ]);

      const creadas = await db.reserva.findMany({ where: { referenciaExterna: { startsWith: `PAR-${marca}-` } } });
      expect(creadas).toHaveLength(12);
      expect(importaciones.every((i) => i.estado === "TERMINADA" && i.resumen.errores === 0 && i.resumen.creadas + i.resumen.sin_cambios === 6)).toBe(true);
      expect(importaciones.reduce((n, i) => n + i.resumen.creadas, 0)).toBe(12);
      expect(new Set(await db.usuario.findMany({ where: { email: { endsWith: `.${marca}@correo.bo` } } }).then((u) => u.map((x) => x.email))).size).toBe(5);
      expect(reprogramaciones.every((r) => r === "MOVIDA" || r === "FECHA_NO_DISPONIBLE")).toBe(true);
      expect(reprogramaciones).toContain("FECHA_NO_DISPONIBLE");

      // Replay the day in lock order: a reschedule only ever arrived while the day still had room.
      const llegadas = await db.$queryRaw<{ operacion: string }[]>`SELECT operacion FROM prueba_llegada WHERE dia = ${diaLocal(dia)} ORDER BY en, id`;
      let ocupadas = antes;
      for (const { operacion } of llegadas) {
        if (operacion === "UPDATE") expect(ocupadas).toBeLessThan(capacidad);
        ocupadas++;
      }
      expect(ocupadas).toBe(antes + 6 + reprogramaciones.filter((r) => r === "MOVIDA").length);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS prueba_llegada ON reserva`);
    }
  }, 120_000);
});
