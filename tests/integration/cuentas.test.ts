// Accounts against the real database: one-time links (single use under a race, replay, tampered,
// expired, weak password leaves the link usable), recovery requests that reveal nothing, manage
// links bound to holder and trip date, and sessions ended from the server through LISTEN/NOTIFY.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { abrirSesion, actorDeSesion, cerrarSesion, cerrarSesionesDe, escuchaSesiones } from "@/lib/auth/sesiones";
import { verificarCredenciales } from "@/lib/auth/credenciales";
import { establecerConEnlace, pedirEnlace, RESPUESTA_PEDIDO_ENLACE } from "@/lib/cuenta/acceso";
import { emitirEnlaceGestion, revocarEnlacesGestion, verEnlace } from "@/lib/cuenta/enlaces";
import { hashDeToken, nuevoToken } from "@/lib/cuenta/tokens";
import { ErrorDominio } from "@/lib/errores";
import { actualizarUsuario, crearUsuario, reenviarInvitacion } from "@/lib/usuarios/gestion";
import { procesarEntrega } from "@/lib/notificaciones/entregar";
import { reprogramarReserva } from "@/lib/reprogramacion/reprogramar";
import { databaseUrl, db } from "./db";
import { actorDemo, clienteConReserva } from "./escenario";

const CONTRASENA = "Montaña-verde-lluvia-27";
let admin: Awaited<ReturnType<typeof actorDemo>>;

beforeAll(async () => {
  // The session cache listens on this run's database, as the app does.
  process.env.DATABASE_URL = databaseUrl;
  admin = await actorDemo("admin@demo.bo");
});
afterAll(() => db.$disconnect());

async function personalConInvitacion() {
  const usuario = await crearUsuario(db, admin, { nombre: "Carla", apellido: "Mamani", email: `  Carla.${randomUUID().slice(0, 6)}@Agencia.bo `, rol: "OPERADOR", departamento: "Soporte" });
  const enlace = await db.enlaceAcceso.findFirstOrThrow({ where: { usuarioId: usuario.id, proposito: "INVITACION" } });
  // What the worker does when it composes the email: mint the token, keep only its hash.
  const token = nuevoToken();
  await db.enlaceAcceso.update({ where: { id: enlace.id }, data: { hash: hashDeToken(token) } });
  return { usuario, enlace, token };
}

const codigo = (p: Promise<unknown>) => p.then(() => "OK", (e) => (e instanceof ErrorDominio ? `${e.status} ${e.errorCode}` : `${e}`));

describe("invitación de un solo uso", () => {
  it("guarda el correo sin espacios, comparado sin mayúsculas; un duplicado es 409", async () => {
    const { usuario } = await personalConInvitacion();
    expect(usuario.email).toBe(usuario.email.trim());
    expect(await codigo(crearUsuario(db, admin, { nombre: "Otra", apellido: "Persona", email: usuario.email.toUpperCase(), rol: "CLIENTE" }))).toBe("409 EMAIL_YA_REGISTRADO");
  });

  it("una contraseña débil se rechaza con el motivo y el enlace sigue sirviendo; dos envíos a la vez: uno gana", async () => {
    const { usuario, token } = await personalConInvitacion();
    const debil = establecerConEnlace(db, { token, password: "password123" }, "INVITACION");
    await expect(debil).rejects.toMatchObject({ errorCode: "CONTRASENA_DEBIL", detail: "Es una de las contraseñas más usadas en el mundo; elija otra." });
    const resultados = await Promise.all([1, 2, 3].map(() => codigo(establecerConEnlace(db, { token, password: CONTRASENA }, "INVITACION"))));
    expect(resultados.sort()).toEqual(["410 ENLACE_USADO", "410 ENLACE_USADO", "OK"]);
    expect(await verificarCredenciales(db, usuario.email.toLowerCase(), CONTRASENA)).toMatchObject({ id: usuario.id, rol: "OPERADOR" });
    // Replayed after success: refused, nothing changes.
    expect(await codigo(establecerConEnlace(db, { token, password: "Otra-frase-distinta-99" }, "INVITACION"))).toBe("410 ENLACE_USADO");
    expect(await verificarCredenciales(db, usuario.email, CONTRASENA)).not.toBeNull();
    expect((await db.auditoriaUsuario.findMany({ where: { usuarioId: usuario.id } })).map((a) => a.accion)).toEqual(["CREADO", "CONTRASENA_ESTABLECIDA"]);
  });

  it("reenviar la invitación anula el enlace anterior; con contraseña ya elegida es 409", async () => {
    const { usuario, token } = await personalConInvitacion();
    await reenviarInvitacion(db, admin, usuario.id);
    expect(await verEnlace(db, token, "INVITACION")).toEqual({ ok: false, motivo: "DESCONOCIDO" });
    const [vieja, nueva] = await db.enlaceAcceso.findMany({ where: { usuarioId: usuario.id, proposito: "INVITACION" }, orderBy: { id: "asc" } });
    expect([vieja.revocadoAt !== null, nueva.revocadoAt]).toEqual([true, null]);
    const tokenNuevo = nuevoToken();
    await db.enlaceAcceso.update({ where: { id: nueva.id }, data: { hash: hashDeToken(tokenNuevo) } });
    await establecerConEnlace(db, { token: tokenNuevo, password: CONTRASENA }, "INVITACION");
    expect(await codigo(reenviarInvitacion(db, admin, usuario.id))).toBe("409 INVITACION_NO_PENDIENTE");
  });

  it("un token alterado, con otra forma o vencido no sirve y no cambia nada", async () => {
    const { usuario, enlace, token } = await personalConInvitacion();
    const alterado = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await codigo(establecerConEnlace(db, { token: alterado, password: CONTRASENA }, "INVITACION"))).toBe("404 ENLACE_NO_VALIDO");
    expect(await codigo(establecerConEnlace(db, { token: "'; DROP TABLE usuario; --", password: CONTRASENA }, "INVITACION"))).toBe("404 ENLACE_NO_VALIDO");
    // Its purpose is part of it: an invitation is no recovery link.
    expect(await codigo(establecerConEnlace(db, { token, password: CONTRASENA }, "RECUPERACION"))).toBe("404 ENLACE_NO_VALIDO");
    await db.enlaceAcceso.update({ where: { id: enlace.id }, data: { venceAt: new Date(Date.now() - 1000) } });
    expect(await codigo(establecerConEnlace(db, { token, password: CONTRASENA }, "INVITACION"))).toBe("410 ENLACE_VENCIDO");
    expect((await db.usuario.findUniqueOrThrow({ where: { id: usuario.id } })).passwordHash).toBeNull();
  });
});

describe("recuperación sin enumeración", () => {
  const encabezados = () => new Headers({ "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });

  it("la misma respuesta exista o no la cuenta; solo la existente recibe un enlace", async () => {
    const { usuario } = await clienteConReserva();
    const desconocido = `nadie-${randomUUID().slice(0, 6)}@prueba.bo`;
    const antes = await db.enlaceAcceso.count();
    const [a, b] = [await pedirEnlace(db, encabezados(), { email: usuario.email.toUpperCase() }, "recuperacion"), await pedirEnlace(db, encabezados(), { email: desconocido }, "recuperacion")];
    expect(a).toEqual(RESPUESTA_PEDIDO_ENLACE.recuperacion);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(await db.enlaceAcceso.count()).toBe(antes + 1);
    expect(await db.entregaNotificacion.count({ where: { usuarioId: usuario.id, plantilla: "cuenta_recuperacion" } })).toBe(1);
    // A second request replaces the first link.
    await pedirEnlace(db, encabezados(), { email: usuario.email }, "recuperacion");
    const enlaces = await db.enlaceAcceso.findMany({ where: { usuarioId: usuario.id, proposito: "RECUPERACION" }, orderBy: { id: "asc" } });
    expect(enlaces.map((e) => e.revocadoAt !== null)).toEqual([true, false]);
  });

  it("se limita por correo (exista o no): el sexto pedido en una hora es 429", async () => {
    const email = `limite-${randomUUID().slice(0, 6)}@prueba.bo`;
    for (let i = 0; i < 5; i++) await pedirEnlace(db, encabezados(), { email }, "acceso");
    expect(await codigo(pedirEnlace(db, encabezados(), { email }, "acceso"))).toBe("429 DEMASIADAS_SOLICITUDES");
  });
});

describe("enlace «Gestionar mi reserva»", () => {
  it("sirve para su reserva y su titular; muere al pasar el viaje, al revocarse o al cambiar de titular", async () => {
    const { usuario, reserva } = await clienteConReserva();
    const token = await emitirEnlaceGestion(db, reserva.id, usuario.id);
    expect(await verEnlace(db, token, "GESTION")).toMatchObject({ ok: true });
    // Reading it twice changes nothing and uses nothing.
    expect(await verEnlace(db, token, "GESTION")).toMatchObject({ ok: true });
    expect((await db.enlaceAcceso.findFirstOrThrow({ where: { reservaId: reserva.id } })).usadoAt).toBeNull();

    const otro = await clienteConReserva();
    await db.reserva.update({ where: { id: reserva.id }, data: { usuarioId: otro.usuario.id } });
    expect(await verEnlace(db, token, "GESTION")).toEqual({ ok: false, motivo: "DESCONOCIDO" });
    await db.reserva.update({ where: { id: reserva.id }, data: { usuarioId: usuario.id } });

    expect(await verEnlace(db, token, "GESTION", new Date(reserva.fechaInicio.getTime() + 1))).toEqual({ ok: false, motivo: "VENCIDO" });

    expect(await revocarEnlacesGestion(db, reserva.id)).toEqual({ enlaces_revocados: 1 });
    expect(await verEnlace(db, token, "GESTION")).toEqual({ ok: false, motivo: "DESCONOCIDO" });
  });
});

describe("una persona desactivada no recibe nada", () => {
  it("sus correos y SMS en cola se descartan (DESTINATARIO_INVALIDO) y no llegan; los avisos a la agencia sí", async () => {
    const { usuario, reserva, nuevaFecha } = await clienteConReserva({ telefono: "+59171112233" });
    // Deactivated first: a worker of another test file may pick the jobs up at once.
    await actualizarUsuario(db, admin, usuario.id, { activo: false });
    await reprogramarReserva(db, await actorDemo("operador@demo.bo"), reserva.id, { nueva_fecha: nuevaFecha.toISOString(), motivo: "Cambio de vuelo" });
    const entregas = await db.entregaNotificacion.findMany({ where: { historial: { reservaId: reserva.id } }, orderBy: { id: "asc" } });
    for (const e of entregas) await procesarEntrega(db, e.id); // already done by another worker: skipped
    const despues = await db.entregaNotificacion.findMany({ where: { historial: { reservaId: reserva.id } }, orderBy: { id: "asc" } });
    const alCliente = despues.filter((e) => e.destinatario === usuario.email || e.destinatario === "+59171112233");
    expect(alCliente.map((e) => [e.canal, e.estado, e.errorTipo])).toEqual([["EMAIL", "FALLIDA", "DESTINATARIO_INVALIDO"], ["SMS", "FALLIDA", "DESTINATARIO_INVALIDO"]]);
    expect(despues.filter((e) => !alCliente.includes(e)).every((e) => e.estado === "ENVIADA")).toBe(true);
    expect(await db.correoDesarrollo.count({ where: { para: { in: [usuario.email, "+59171112233"] } } })).toBe(0);
  });
});

describe("sesiones que terminan en el servidor", () => {
  const esperarFin = async (sid: string) => {
    const hasta = Date.now() + 5000;
    while (Date.now() < hasta) {
      if ((await actorDeSesion(db, sid)) === null) return Date.now();
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("la sesión siguió abierta más de 5 s");
  };

  it("cerrar una, cerrar todas las de un usuario y desactivarlo: en menos de 5 s la copia en memoria lo sabe", async () => {
    const { usuario } = await clienteConReserva();
    const [s1, s2, s3] = [await abrirSesion(db, usuario.id), await abrirSesion(db, usuario.id), await abrirSesion(db, usuario.id)];
    for (const s of [s1, s2, s3]) expect(await actorDeSesion(db, s.sid)).toMatchObject({ id: usuario.id, rol: "CLIENTE" });
    // The listener is up, so those reads are cached now and only a NOTIFY can end them.
    await expect.poll(() => escuchaSesiones().conectada).toBe(true);
    for (const s of [s1, s2, s3]) expect(await actorDeSesion(db, s.sid)).not.toBeNull();
    await cerrarSesion(db, s1.sid);
    await esperarFin(s1.sid);
    expect(await actorDeSesion(db, s2.sid)).not.toBeNull();
    await cerrarSesionesDe(db, usuario.id, "prueba");
    await esperarFin(s2.sid);
    await esperarFin(s3.sid);

    const s4 = await abrirSesion(db, usuario.id);
    expect(await actorDeSesion(db, s4.sid)).not.toBeNull();
    await actualizarUsuario(db, admin, usuario.id, { activo: false });
    await esperarFin(s4.sid);
    expect(await verificarCredenciales(db, usuario.email, "-")).toBeNull();
  });

  it("otra instancia que cierra sesiones: su NOTIFY basta para que esta lo sepa en menos de 5 s", async () => {
    const { usuario } = await clienteConReserva();
    const { sid } = await abrirSesion(db, usuario.id);
    await expect.poll(() => escuchaSesiones().conectada).toBe(true);
    expect(await actorDeSesion(db, sid)).not.toBeNull();
    expect(await actorDeSesion(db, sid)).not.toBeNull(); // from the cache now
    // What another app instance's cerrarSesionesDe writes, without this process's own bookkeeping.
    await db.$executeRaw`WITH c AS (UPDATE sesion SET cerrada_at = now() WHERE usuario_id = ${usuario.id} RETURNING 1) SELECT pg_notify('sesiones_cerradas', ${`u:${usuario.id}`})`;
    await esperarFin(sid);
  });

  it("un cambio de rol cierra sus sesiones; la nueva trae el rol nuevo", async () => {
    const { usuario } = await personalConInvitacion();
    const vieja = await abrirSesion(db, usuario.id);
    expect(await actorDeSesion(db, vieja.sid)).toMatchObject({ rol: "OPERADOR" });
    await actualizarUsuario(db, admin, usuario.id, { rol: "ADMIN" });
    await esperarFin(vieja.sid);
    const nueva = await abrirSesion(db, usuario.id);
    expect(await actorDeSesion(db, nueva.sid)).toMatchObject({ rol: "ADMIN" });
    const cambio = await db.auditoriaUsuario.findFirstOrThrow({ where: { usuarioId: usuario.id, accion: "ACTUALIZADO" } });
    expect(cambio).toMatchObject({ actorId: admin.id, cambios: { rol: { antes: "OPERADOR", despues: "ADMIN" } } });
  });

  it("un id de sesión desconocido o alterado no es sesión", async () => {
    const { usuario } = await clienteConReserva();
    const { sid } = await abrirSesion(db, usuario.id);
    expect(await actorDeSesion(db, `${sid.slice(0, -1)}${sid.endsWith("x") ? "y" : "x"}`)).toBeNull();
    expect(await actorDeSesion(db, nuevoToken())).toBeNull();
  });
});
