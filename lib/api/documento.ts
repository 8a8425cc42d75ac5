// /api/openapi.json: the OpenAPI 3.1 document, built from the same zod schemas that parse the
// requests (lib/*) and shape the responses (lib/api/respuestas.ts). Nothing in it is written by hand
// but the prose. A route handler without its entry here is unfinished.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { unirseSchema, salirSchema } from "@/lib/lista-espera/entradas";
import { aceptarSchema } from "@/lib/lista-espera/ofertas";
import { marcarSchema, filtrosNotificacionesSchema } from "@/lib/notificaciones/lista";
import { periodoMetricasSchema } from "@/lib/notificaciones/metricas";
import { filtrosEntregasSchema } from "@/lib/notificaciones/reintentar";
import { actualizarReglaSchema, crearReglaSchema } from "@/lib/reglas/gestion";
import { consultaCalendarioSchema } from "@/lib/reprogramacion/calendario-reserva";
import { loteSchema } from "@/lib/reprogramacion/lotes";
import { cancelacionSchema } from "@/lib/cancelacion/cancelar";
import { transferenciaSchema } from "@/lib/transferencia/transferir";
import { filtrosReembolsosSchema } from "@/lib/reembolsos/gestion";
import { pedidoImportacionSchema } from "@/lib/importacion/importar";
import { destinoSchema } from "@/lib/reprogramacion/masiva";
import { solicitudSchema } from "@/lib/reprogramacion/solicitud";
import { filtrosReservasSchema } from "@/lib/reservas/consultas";
import { nuevaReservaSchema } from "@/lib/reservas/crear";
import { edicionReservaSchema } from "@/lib/reservas/editar";
import { pedidoEnlaceSchema } from "@/lib/cuenta/acceso";
import { actualizarUsuarioSchema, crearUsuarioSchema, filtrosUsuariosSchema } from "@/lib/usuarios/gestion";
import { fechaIso } from "@/lib/validacion";
import { errorSchema } from "./comunes";
import * as r from "./respuestas";

type Rol = "CLIENTE" | "OPERADOR" | "ADMIN";
const TODOS: Rol[] = ["CLIENTE", "OPERADOR", "ADMIN"];
const STAFF: Rol[] = ["OPERADOR", "ADMIN"];
const ADMIN: Rol[] = ["ADMIN"];

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const error = (description: string, codigos: string[]) => ({
  description: `${description}. error_code: ${codigos.join(", ")}`,
  content: json(errorSchema),
});

/** The errors any route may answer, beside its own. */
function erroresComunes(opciones: { roles?: Rol[]; escribe?: boolean; id?: boolean; cuerpo?: boolean }): ZodOpenApiResponsesObject {
  const errores: ZodOpenApiResponsesObject = {
    "400": error("Datos inválidos o regla violada", ["DATOS_INVALIDOS", ...(opciones.cuerpo ? ["JSON_INVALIDO", "JSON_DEMASIADO_ANIDADO", "CUERPO_INCOMPLETO"] : [])]),
    "405": error("Método no permitido (cabecera Allow)", ["METODO_NO_PERMITIDO"]),
    "500": error("Error interno; el cuerpo lleva request_id", ["ERROR_INTERNO"]),
  };
  if (opciones.roles) {
    errores["401"] = error("Sin sesión", ["NO_AUTENTICADO"]);
    if (opciones.roles.length < 3) errores["403"] = error(`Solo ${opciones.roles.join(", ")}`, ["PERMISO_DENEGADO"]);
  }
  // A path with an id: the row may not exist, or (for a client) not be theirs.
  if (opciones.id) errores["404"] = error("No existe o no es del usuario", ["NO_ENCONTRADO"]);
  if (opciones.cuerpo) errores["415"] = error("El cuerpo no es application/json", ["TIPO_CONTENIDO_NO_SOPORTADO"]);
  if (opciones.escribe) errores["429"] = error("Demasiadas escrituras por minuto (cabecera Retry-After)", ["DEMASIADAS_SOLICITUDES"]);
  return errores;
}

interface Operacion {
  resumen: string;
  descripcion?: string;
  etiqueta: string;
  roles?: Rol[];
  id?: string;
  consulta?: z.ZodObject | z.ZodType;
  cuerpo?: z.ZodType;
  cuerpoFormulario?: z.ZodType;
  cuerpoMultipart?: z.ZodType;
  cabeceras?: z.ZodObject;
  respuestas: ZodOpenApiResponsesObject;
  errores?: ZodOpenApiResponsesObject;
}

function operacion(o: Operacion, metodo: string, conId: boolean): ZodOpenApiOperationObject {
  const escribe = metodo !== "get";
  return {
    operationId: o.id,
    summary: o.resumen,
    description: [o.descripcion, o.roles ? `Roles: ${o.roles.join(", ")}.` : "Sin sesión."].filter(Boolean).join("\n\n"),
    tags: [o.etiqueta],
    security: o.roles ? [{ sesion: [] }] : [],
    requestParams: {
      ...(o.consulta ? { query: o.consulta as z.ZodObject } : {}),
      ...(o.cabeceras ? { header: o.cabeceras } : {}),
    },
    ...(o.cuerpo ? { requestBody: { required: true, content: json(o.cuerpo) } } : {}),
    ...(o.cuerpoMultipart ? { requestBody: { required: true, content: { "multipart/form-data": { schema: o.cuerpoMultipart } } } } : {}),
    ...(o.cuerpoFormulario ? { requestBody: { required: true, content: { "application/x-www-form-urlencoded": { schema: o.cuerpoFormulario } } } } : {}),
    responses: { ...erroresComunes({ roles: o.roles, escribe: escribe && Boolean(o.roles), cuerpo: Boolean(o.cuerpo), id: conId }), ...o.errores, ...o.respuestas },
  };
}

const ok = (description: string, schema: z.ZodType) => ({ description, content: json(schema) });
const conId = z.object({ id: z.string().regex(/^\d{1,9}$/).meta({ description: "Id numérico" }) });
const evento = (description: string) => ({ description, content: { "text/event-stream": { schema: z.string() } } });
const claveIdempotencia = z.object({
  "idempotency-key": z.string().min(1).max(255).optional().meta({ description: "Repetir la misma clave con el mismo cuerpo devuelve la misma respuesta (cabecera idempotent-replayed: true) sin volver a reprogramar" }),
});

type Ruta = { path?: z.ZodObject } & Partial<Record<"get" | "post" | "patch" | "delete", Operacion>>;

const RUTAS: Record<string, Ruta> = {
  "/api/salud": {
    get: {
      etiqueta: "Operación",
      id: "salud",
      resumen: "Salud del servicio",
      descripcion: "Para balanceadores y monitores: 200 si PostgreSQL responde y las migraciones de este build están aplicadas; 503 si no. No revela versiones ni secretos.",
      respuestas: { "200": ok("En servicio", r.saludPublicaSchema), "503": ok("Degradado", r.saludPublicaSchema) },
    },
  },
  "/api/admin/salud": {
    get: {
      etiqueta: "Operación",
      id: "saludAdministrativa",
      resumen: "Estado de workers, cola y entregas",
      descripcion: "Latido y última búsqueda de trabajo de cada worker, profundidad de la cola, entrega pendiente más antigua, conexiones LISTEN de este proceso y commit del build, con avisos.",
      roles: ADMIN,
      respuestas: { "200": ok("Estado", r.saludAdministrativaSchema) },
    },
  },
  "/api/reservas": {
    get: { etiqueta: "Reservas", id: "listarReservas", resumen: "Listar reservas", descripcion: "Un cliente ve solo las suyas; el personal filtra.", roles: TODOS, consulta: filtrosReservasSchema, respuestas: { "200": ok("Página de reservas", r.listaReservasSchema) } },
    post: {
      etiqueta: "Reservas",
      id: "crearReserva",
      resumen: "Crear una reserva para un cliente (o sincronizarla por su referencia_externa)",
      descripcion: "El cliente va por id (`usuario`) o por correo (`cliente`: se usa su cuenta o se crea una sin contraseña). Con `referencia_externa`, repetir la misma reserva responde 200 con la existente y no crea nada; con otros datos es 409 REFERENCIA_EXISTENTE (use PATCH). La fecha de una reserva reprogramada en el producto se compara con su fecha original.",
      roles: STAFF,
      cuerpo: nuevaReservaSchema,
      respuestas: { "201": ok("Reserva creada", r.reservaSchema), "200": ok("La misma reserva ya existía con esa referencia_externa", r.reservaSchema) },
      errores: { "409": error("Día sin cupo, o referencia_externa con otros datos", ["FECHA_NO_DISPONIBLE", "REFERENCIA_EXISTENTE"]) },
    },
  },
  "/api/reservas/{id}": {
    path: conId,
    get: { etiqueta: "Reservas", id: "obtenerReserva", resumen: "Una reserva", descripcion: "La propia (cliente) o cualquiera (personal).", roles: TODOS, respuestas: { "200": ok("La reserva", r.reservaSchema) } },
    patch: {
      etiqueta: "Reservas",
      id: "editarReserva",
      resumen: "Corregir destino, total, moneda, servicios o referencia_externa",
      descripcion: "Nunca la fecha (es una reprogramación, con sus reglas e historial) ni los contadores: 400 CAMPO_NO_EDITABLE. Cada cambio queda en la auditoría de la reserva. `servicios` reemplaza la lista entera.",
      roles: STAFF,
      cuerpo: edicionReservaSchema,
      respuestas: { "200": ok("Reserva (con los cambios)", r.reservaSchema) },
      errores: {
        "400": error("Datos inválidos o campo no editable", ["DATOS_INVALIDOS", "CAMPO_NO_EDITABLE", "JSON_INVALIDO", "JSON_DEMASIADO_ANIDADO", "CUERPO_INCOMPLETO"]),
        "409": error("Otra reserva ya tiene esa referencia_externa", ["REFERENCIA_EXISTENTE"]),
      },
    },
  },
  "/api/reservas/{id}/reprogramar": {
    path: conId,
    post: {
      etiqueta: "Reprogramación",
      id: "reprogramar",
      resumen: "Reprogramar una reserva (§1 cliente, §2 operador, §3 administrador)",
      descripcion: "Los campos permitidos dependen del rol; un campo de otro rol es 403 con campos_no_permitidos.",
      roles: TODOS,
      cuerpo: solicitudSchema,
      cabeceras: claveIdempotencia,
      respuestas: { "200": ok("Reprogramada (la forma depende del rol)", r.respuestaReprogramarSchema) },
      errores: {
        "400": error("Datos inválidos o regla violada", ["DATOS_INVALIDOS", "JSON_INVALIDO", "JSON_DEMASIADO_ANIDADO", "CUERPO_INCOMPLETO", "TIEMPO_MINIMO_VIOLADO", "LIMITE_REPROGRAMACIONES_EXCEDIDO", "DIA_BLACKOUT", "MISMA_FECHA", "FECHA_EN_PASADO", "FECHA_FUERA_DE_HORIZONTE", "CLAVE_IDEMPOTENCIA_INVALIDA"]),
        "403": error("Campo o descuento no permitido para el rol", ["PERMISO_DENEGADO", "DESCUENTO_REQUIERE_APROBACION_ADMIN"]),
        "409": error("Sin cupo, reserva cancelada o completada, o clave reutilizada con otro cuerpo", ["FECHA_NO_DISPONIBLE", "RESERVA_NO_REPROGRAMABLE", "CLAVE_IDEMPOTENCIA_REUTILIZADA"]),
      },
    },
  },
  "/api/reservas/{id}/cancelacion": {
    path: conId,
    get: {
      etiqueta: "Cancelación",
      id: "cotizarCancelacion",
      resumen: "Cotización de la cancelación: reembolso, cargo, plazos de la política y una cotización válida 15 minutos",
      descripcion: "No cambia nada. El porcentaje sale de la política de cancelación que se aplica a la reserva (regla POLITICA_CANCELACION), por la anticipación respecto del inicio.",
      roles: TODOS,
      respuestas: { "200": ok("La cotización", r.cotizacionCancelacionSchema) },
    },
  },
  "/api/reservas/{id}/cancelar": {
    path: conId,
    post: {
      etiqueta: "Cancelación",
      id: "cancelar",
      resumen: "Cancelar una reserva al reembolso cotizado",
      descripcion: "Con la cotización de GET .../cancelacion/. Si venció o ya no coincide (pasó un plazo, cambiaron las reglas o la reserva), 409 COTIZACION_VENCIDA con cotizacion_nueva y nada cambia. Un administrador puede fijar otro porcentaje_reembolso con razon_ajuste.",
      roles: TODOS,
      cuerpo: cancelacionSchema,
      cabeceras: claveIdempotencia,
      respuestas: { "200": ok("Cancelada: reembolso pendiente y avisos en cola", r.cancelacionSchemaRespuesta) },
      errores: {
        "400": error("Datos inválidos o cotización alterada", ["DATOS_INVALIDOS", "JSON_INVALIDO", "JSON_DEMASIADO_ANIDADO", "CUERPO_INCOMPLETO", "COTIZACION_INVALIDA", "CLAVE_IDEMPOTENCIA_INVALIDA"]),
        "403": error("Ajuste de reembolso sin ser administrador", ["PERMISO_DENEGADO"]),
        "409": error("Cotización vencida, reserva ya cancelada o completada, o clave reutilizada", ["COTIZACION_VENCIDA", "RESERVA_NO_CANCELABLE", "CLAVE_IDEMPOTENCIA_REUTILIZADA"]),
      },
    },
  },
  "/api/reservas/{id}/transferencia": {
    path: conId,
    get: { etiqueta: "Transferencia", id: "condicionesTransferencia", resumen: "Si la política permite transferir ahora, su costo y su plazo", roles: TODOS, respuestas: { "200": ok("Las condiciones", r.condicionesTransferenciaSchema) } },
  },
  "/api/reservas/{id}/transferir": {
    path: conId,
    post: {
      etiqueta: "Transferencia",
      id: "transferir",
      resumen: "Transferir la reserva a otra persona",
      descripcion: "Según la regla TRANSFERENCIA (permitida, costo, plazo). El costo se suma al total. El nuevo titular es el cliente con ese correo o una cuenta nueva; el anterior deja de ver la reserva en el acto (sus enlaces «Gestionar mi reserva» y las sesiones abiertas con ellos terminan). Ambos reciben un correo.",
      roles: TODOS,
      cuerpo: transferenciaSchema,
      respuestas: { "200": ok("Transferida", r.transferenciaRespuestaSchema) },
      errores: {
        "400": error("Datos inválidos o el mismo titular", ["DATOS_INVALIDOS", "JSON_INVALIDO", "JSON_DEMASIADO_ANIDADO", "CUERPO_INCOMPLETO", "MISMO_TITULAR"]),
        "409": error("La política no la permite (o pasó el plazo), o la reserva está cancelada o completada", ["TRANSFERENCIA_NO_PERMITIDA"]),
      },
    },
  },
  "/api/reservas/{id}/puede-reprogramar": {
    path: conId,
    get: {
      etiqueta: "Reprogramación",
      id: "puedeReprogramar",
      resumen: "Verificación previa (§4)",
      roles: TODOS,
      consulta: z.object({ nueva_fecha: fechaIso("Indique la fecha").optional() }),
      respuestas: { "200": ok("Resultado de las reglas, cupo y alternativas", r.puedeReprogramarSchema) },
    },
  },
  "/api/reservas/{id}/calendario": {
    path: conId,
    get: {
      etiqueta: "Reprogramación",
      id: "calendario",
      resumen: "Disponibilidad por día para esta reserva",
      roles: TODOS,
      consulta: consultaCalendarioSchema,
      respuestas: { "200": ok("Días con su veredicto", r.calendarioSchema) },
      errores: { "400": error("Rango inválido", ["DATOS_INVALIDOS", "RANGO_INVALIDO", "RANGO_DEMASIADO_AMPLIO"]) },
    },
  },
  "/api/reservas/{id}/historial-reprogramacion": {
    path: conId,
    get: { etiqueta: "Reprogramación", id: "historial", resumen: "Historial de reprogramaciones (§5)", roles: TODOS, respuestas: { "200": ok("Entradas en orden", r.historialSchema) } },
  },
  "/api/reservas/{id}/lista-espera": {
    path: conId,
    get: { etiqueta: "Lista de espera", id: "esperasDeReserva", resumen: "Esperas abiertas de la reserva", roles: TODOS, respuestas: { "200": ok("Entradas", r.listaEsperaReservaSchema) } },
    post: {
      etiqueta: "Lista de espera",
      id: "unirseListaEspera",
      resumen: "Esperar un lugar en un día lleno",
      roles: TODOS,
      cuerpo: unirseSchema,
      respuestas: { "201": ok("En la fila", r.entradaListaEsperaSchema) },
      errores: { "409": error("Ya en la fila o el día tiene lugar", ["YA_EN_LISTA_ESPERA", "FECHA_DISPONIBLE", "RESERVA_NO_REPROGRAMABLE"]) },
    },
    delete: { etiqueta: "Lista de espera", id: "salirListaEspera", resumen: "Salir de la fila de un día", roles: TODOS, consulta: salirSchema, respuestas: { "200": ok("Entrada cerrada", r.entradaListaEsperaSchema) } },
  },
  "/api/reservas/{id}/lista-espera/aceptar": {
    path: conId,
    post: {
      etiqueta: "Lista de espera",
      id: "aceptarOferta",
      resumen: "Aceptar el lugar ofrecido (una reprogramación)",
      roles: TODOS,
      cuerpo: aceptarSchema,
      respuestas: { "200": ok("Reprogramada", r.respuestaReprogramarSchema) },
      errores: { "409": error("Sin oferta vigente", ["SIN_OFERTA", "OFERTA_VENCIDA"]) },
    },
  },
  "/api/admin/reprogramaciones": {
    post: {
      etiqueta: "Administración",
      id: "reprogramacionAdministrativa",
      resumen: "Reprogramación administrativa de una o varias reservas (§3)",
      roles: ADMIN,
      cuerpo: solicitudSchema.extend(destinoSchema.shape),
      respuestas: { "200": ok("Una reserva (§3) o el resumen por reserva", z.union([r.reprogramacionAdministrativaSchema, r.reprogramacionMasivaSchema])) },
      errores: { "404": error("La reserva no existe", ["NO_ENCONTRADO"]), "409": error("Sin cupo o reserva cerrada", ["FECHA_NO_DISPONIBLE", "RESERVA_NO_REPROGRAMABLE"]) },
    },
  },
  "/api/admin/lotes": {
    post: { etiqueta: "Administración", id: "crearLote", resumen: "Reprogramación masiva en segundo plano", roles: ADMIN, cuerpo: loteSchema, respuestas: { "202": ok("Lote creado; siga su progreso", r.loteCreadoSchema) } },
  },
  "/api/admin/lotes/simulacion": {
    post: { etiqueta: "Administración", id: "simularLote", resumen: "Prueba previa de un lote, sin escribir", roles: ADMIN, cuerpo: loteSchema, respuestas: { "200": ok("Qué pasaría con cada reserva", r.simulacionLoteSchema) } },
  },
  "/api/admin/lotes/{id}/progreso": {
    path: conId,
    get: { etiqueta: "Administración", id: "progresoLote", resumen: "Progreso de un lote (Server-Sent Events)", roles: ADMIN, respuestas: { "200": evento("Eventos de progreso hasta terminar") }, errores: { "404": error("El lote no existe", ["NO_ENCONTRADO"]) } },
  },
  "/api/admin/lotes/{id}/csv": {
    path: conId,
    get: { etiqueta: "Administración", id: "csvLote", resumen: "Resultado de un lote en CSV", roles: ADMIN, respuestas: { "200": { description: "CSV", content: { "text/csv": { schema: z.string() } } } }, errores: { "404": error("El lote no existe", ["NO_ENCONTRADO"]) } },
  },
  "/api/admin/importaciones": {
    get: { etiqueta: "Importaciones", id: "listarImportaciones", resumen: "Últimas importaciones", roles: ADMIN, respuestas: { "200": ok("Las 10 más recientes", r.listaImportacionesSchema) } },
    post: {
      etiqueta: "Importaciones",
      id: "importarReservas",
      resumen: "Importar reservas desde un CSV (o probar sin escribir)",
      descripcion:
        "Encabezados: referencia, cliente_email, cliente_nombre, cliente_apellido, cliente_celular (opcional), destino, fecha_inicio (AAAA-MM-DD HH:mm en la zona de la agencia, o ISO 8601 con zona), total (2400.00 o 2.400,00), moneda (BOB por defecto), servicios (tipo|descripción|precio separados por ;), estado (CONFIRMADA por defecto, CANCELADA, COMPLETADA). Idempotente por referencia: el mismo archivo otra vez no cambia nada. Una fila nunca se rechaza por capacidad: el día queda marcado como excedido.",
      roles: ADMIN,
      cuerpoMultipart: pedidoImportacionSchema,
      respuestas: { "200": ok("Prueba: qué haría cada fila (nada se escribió)", r.simulacionImportacionSchema), "202": ok("Importación aceptada; siga su progreso en /api/admin/importaciones/{id}/", r.importacionCreadaSchema) },
      errores: {
        "400": error("Archivo inválido o campos del formulario", ["DATOS_INVALIDOS", "ARCHIVO_VACIO", "ARCHIVO_NO_CSV", "ENCABEZADO_FALTANTE", "ARCHIVO_DEMASIADO_GRANDE", "CUERPO_INCOMPLETO"]),
        "415": error("El cuerpo no es multipart/form-data", ["TIPO_CONTENIDO_NO_SOPORTADO"]),
      },
    },
  },
  "/api/admin/importaciones/plantilla": {
    get: { etiqueta: "Importaciones", id: "plantillaImportacion", resumen: "Plantilla CSV con los encabezados y una fila de ejemplo", roles: ADMIN, respuestas: { "200": { description: "CSV (UTF-8 con BOM)", content: { "text/csv": { schema: z.string() } } } } },
  },
  "/api/admin/importaciones/{id}": {
    path: conId,
    get: { etiqueta: "Importaciones", id: "estadoImportacion", resumen: "Estado, progreso y, al terminar, el informe por fila", roles: ADMIN, respuestas: { "200": ok("La importación", r.estadoImportacionSchema) }, errores: { "404": error("La importación no existe", ["NO_ENCONTRADO"]) } },
  },
  "/api/admin/importaciones/{id}/progreso": {
    path: conId,
    get: { etiqueta: "Importaciones", id: "progresoImportacion", resumen: "Progreso de una importación (Server-Sent Events, sin las filas)", roles: ADMIN, respuestas: { "200": evento("Eventos de progreso hasta terminar") }, errores: { "404": error("La importación no existe", ["NO_ENCONTRADO"]) } },
  },
  "/api/admin/importaciones/{id}/csv": {
    path: conId,
    get: { etiqueta: "Importaciones", id: "csvImportacion", resumen: "Informe por fila en CSV", roles: ADMIN, respuestas: { "200": { description: "CSV", content: { "text/csv": { schema: z.string() } } } }, errores: { "404": error("La importación no existe", ["NO_ENCONTRADO"]) } },
  },
  "/api/admin/reembolsos": {
    get: { etiqueta: "Cancelación", id: "listarReembolsos", resumen: "Reembolsos de las cancelaciones, pendientes y pagados", roles: ADMIN, consulta: filtrosReembolsosSchema, respuestas: { "200": ok("Los reembolsos (hasta 500) y lo pendiente", r.listaReembolsosSchema) } },
  },
  "/api/admin/reembolsos/csv": {
    get: { etiqueta: "Cancelación", id: "csvReembolsos", resumen: "Reembolsos en CSV", roles: ADMIN, consulta: filtrosReembolsosSchema, respuestas: { "200": { description: "CSV", content: { "text/csv": { schema: z.string() } } } } },
  },
  "/api/admin/reembolsos/{id}/pagado": {
    path: conId,
    post: {
      etiqueta: "Cancelación",
      id: "marcarReembolsoPagado",
      resumen: "Marcar un reembolso como pagado (una vez; queda quién y cuándo)",
      roles: ADMIN,
      respuestas: { "200": ok("El reembolso pagado", r.reembolsoSchema) },
      errores: { "404": error("No existe", ["NO_ENCONTRADO"]), "409": error("Ya estaba pagado", ["REEMBOLSO_YA_PAGADO"]) },
    },
  },
  "/api/dev/correos/{id}/adjuntos/{n}": {
    path: z.object({ id: z.string().regex(/^\d{1,9}$/).meta({ description: "Id del correo del buzón" }), n: z.string().regex(/^\d{1,2}$/).meta({ description: "Posición del adjunto (desde 0)" }) }),
    get: {
      etiqueta: "Notificaciones",
      id: "adjuntoBuzon",
      resumen: "Un adjunto de un correo del buzón de desarrollo (la invitación .ics)",
      descripcion: "Solo cuando el buzón de desarrollo está visible (sin NODE_ENV=production, o con BUZON_DESARROLLO=on).",
      roles: STAFF,
      respuestas: { "200": { description: "El archivo", content: { "text/calendar": { schema: z.string() } } } },
      errores: { "404": error("No existe", ["NO_ENCONTRADO"]) },
    },
  },
  "/api/admin/entregas": {
    get: { etiqueta: "Notificaciones", id: "entregasFallidas", resumen: "Entregas en descartes", roles: ADMIN, consulta: filtrosEntregasSchema, respuestas: { "200": ok("Página de entregas fallidas", r.listaEntregasSchema) } },
  },
  "/api/admin/entregas/{id}/reintentar": {
    path: conId,
    post: {
      etiqueta: "Notificaciones",
      id: "reintentarEntrega",
      resumen: "Volver a intentar una entrega fallida",
      roles: ADMIN,
      respuestas: { "200": ok("Entrega de nuevo en cola", r.entregaSchema) },
      errores: { "404": error("La entrega no existe", ["NO_ENCONTRADO"]), "409": error("La entrega no está fallida", ["ENTREGA_NO_FALLIDA"]) },
    },
  },
  "/api/metricas/notificaciones": {
    get: { etiqueta: "Notificaciones", id: "metricas", resumen: "Métricas de entrega del periodo", roles: ADMIN, consulta: periodoMetricasSchema, respuestas: { "200": ok("Cifras por canal, errores y volumen", r.metricasSchema) } },
  },
  "/api/notificaciones/reprogramaciones": {
    get: { etiqueta: "Notificaciones", id: "listarNotificaciones", resumen: "Panel de soporte (§2C)", roles: STAFF, consulta: filtrosNotificacionesSchema, respuestas: { "200": ok("Página del panel", r.listaNotificacionesSchema) } },
  },
  "/api/notificaciones/reprogramaciones/{id}": {
    path: conId,
    patch: { etiqueta: "Notificaciones", id: "marcarNotificacion", resumen: "Marcar leída o no leída", roles: STAFF, cuerpo: marcarSchema, respuestas: { "200": ok("Notificación y no leídas", r.notificacionMarcadaSchema) }, errores: { "404": error("No existe", ["NO_ENCONTRADO"]) } },
  },
  "/api/notificaciones/reprogramaciones/marcar-todas": {
    post: { etiqueta: "Notificaciones", id: "marcarTodas", resumen: "Marcar todas leídas", roles: STAFF, respuestas: { "200": ok("Cuántas cambiaron", r.todasMarcadasSchema) } },
  },
  "/api/realtime/stream": {
    get: { etiqueta: "Tiempo real", id: "streamEnVivo", resumen: "Reprogramaciones en vivo (SSE, sin Pusher)", roles: STAFF, respuestas: { "200": evento("Un evento reprogramacion por cambio") } },
  },
  "/api/realtime/auth": {
    post: {
      etiqueta: "Tiempo real",
      id: "autorizarPusher",
      resumen: "Autorizar la suscripción al canal privado de Pusher",
      roles: STAFF,
      cuerpoFormulario: z.object({ socket_id: z.string(), channel_name: z.string() }),
      respuestas: { "200": ok("Firma de Pusher", r.autorizacionPusherSchema) },
      errores: { "404": error("Pusher no configurado", ["TIEMPO_REAL_SIN_PUSHER"]) },
    },
  },
  "/api/reglas": {
    get: { etiqueta: "Reglas", id: "listarReglas", resumen: "Reglas de reprogramación", roles: STAFF, respuestas: { "200": ok("Todas las reglas", z.array(r.reglaSchema)) } },
    post: { etiqueta: "Reglas", id: "crearRegla", resumen: "Crear una regla", roles: ADMIN, cuerpo: crearReglaSchema, respuestas: { "201": ok("Regla creada", r.reglaSchema) } },
  },
  "/api/reglas/{id}": {
    path: conId,
    get: { etiqueta: "Reglas", id: "obtenerRegla", resumen: "Una regla", roles: STAFF, respuestas: { "200": ok("La regla", r.reglaSchema) }, errores: { "404": error("No existe", ["NO_ENCONTRADO"]) } },
    patch: { etiqueta: "Reglas", id: "actualizarRegla", resumen: "Modificar una regla", roles: ADMIN, cuerpo: actualizarReglaSchema, respuestas: { "200": ok("Regla modificada", r.reglaSchema) }, errores: { "404": error("No existe", ["NO_ENCONTRADO"]) } },
    delete: { etiqueta: "Reglas", id: "eliminarRegla", resumen: "Eliminar una regla", roles: ADMIN, respuestas: { "204": { description: "Eliminada" } }, errores: { "404": error("No existe", ["NO_ENCONTRADO"]) } },
  },
  "/api/webhooks/twilio/estado": {
    post: {
      etiqueta: "Proveedores",
      id: "informeSmsTwilio",
      resumen: "Informe de estado de un SMS (Twilio)",
      descripcion: "Lo llama Twilio, firmado con X-Twilio-Signature (403 FIRMA_INVALIDA si no coincide). El estado solo avanza.",
      cuerpoFormulario: z.looseObject({ MessageSid: z.string(), MessageStatus: z.string(), ErrorCode: z.string().optional() }),
      cabeceras: z.object({ "x-twilio-signature": z.string() }),
      respuestas: { "200": ok("Recibido", r.informeSmsSchema) },
      errores: { "403": error("Firma inválida", ["FIRMA_INVALIDA"]), "404": error("Informes no configurados", ["NO_ENCONTRADO"]), "415": error("No es un formulario", ["TIPO_CONTENIDO_NO_SOPORTADO"]) },
    },
  },
  "/api/admin/usuarios": {
    get: { etiqueta: "Cuentas", id: "listarUsuarios", resumen: "Personas de la agencia", descripcion: "Búsqueda por nombre, apellido o correo; filtros de rol y estado; paginado en el servidor.", roles: ADMIN, consulta: filtrosUsuariosSchema, respuestas: { "200": ok("Página de usuarios", r.listaUsuariosSchema) } },
    post: {
      etiqueta: "Cuentas",
      id: "crearUsuario",
      resumen: "Crear una cuenta",
      descripcion: "El personal recibe una invitación (enlace de un solo uso, 72 h) para elegir su contraseña; un cliente, un correo de bienvenida con sus enlaces «Gestionar mi reserva». El correo se guarda sin espacios y se compara sin distinguir mayúsculas.",
      roles: ADMIN,
      cuerpo: crearUsuarioSchema,
      respuestas: { "201": ok("Cuenta creada", r.usuarioSchema) },
      errores: { "409": error("Correo ya registrado", ["EMAIL_YA_REGISTRADO"]) },
    },
  },
  "/api/admin/usuarios/{id}": {
    path: conId,
    get: { etiqueta: "Cuentas", id: "obtenerUsuario", resumen: "Una persona, con su auditoría", roles: ADMIN, respuestas: { "200": ok("Usuario y cambios", r.usuarioDetalleSchema) } },
    patch: {
      etiqueta: "Cuentas",
      id: "actualizarUsuario",
      resumen: "Editar, cambiar de rol, desactivar o reactivar",
      descripcion: "Cambiar el rol o desactivar cierra todas las sesiones de esa persona en segundos. El último administrador activo no puede desactivarse ni cambiar de rol.",
      roles: ADMIN,
      cuerpo: actualizarUsuarioSchema,
      respuestas: { "200": ok("Usuario actualizado", r.usuarioSchema) },
      errores: { "409": error("Último administrador activo", ["ULTIMO_ADMINISTRADOR"]) },
    },
  },
  "/api/admin/usuarios/{id}/invitacion": {
    path: conId,
    post: {
      etiqueta: "Cuentas",
      id: "reenviarInvitacion",
      resumen: "Reenviar la invitación",
      descripcion: "Un enlace nuevo; el anterior deja de funcionar.",
      roles: ADMIN,
      respuestas: { "202": ok("Invitación en cola", r.usuarioSchema) },
      errores: { "409": error("No es personal activo sin contraseña", ["INVITACION_NO_PENDIENTE"]) },
    },
  },
  "/api/cuenta/recuperar": {
    post: {
      etiqueta: "Cuentas",
      id: "recuperarContrasena",
      resumen: "Pedir un enlace para restablecer la contraseña",
      descripcion: "Siempre la misma respuesta 200, exista o no la cuenta. El enlace (un solo uso) vence en 30 minutos. Limitado por correo y por dirección.",
      cuerpo: pedidoEnlaceSchema,
      respuestas: { "200": ok("Pedido recibido", r.pedidoEnlaceRespuestaSchema) },
      errores: { "429": error("Demasiados pedidos (cabecera Retry-After)", ["DEMASIADAS_SOLICITUDES"]) },
    },
  },
  "/api/cuenta/enlace-acceso": {
    post: {
      etiqueta: "Cuentas",
      id: "pedirEnlaceAcceso",
      resumen: "Pedir un enlace para ingresar sin contraseña",
      descripcion: "Siempre la misma respuesta 200, exista o no la cuenta. El enlace (un solo uso) vence en 15 minutos. Limitado por correo y por dirección.",
      cuerpo: pedidoEnlaceSchema,
      respuestas: { "200": ok("Pedido recibido", r.pedidoEnlaceRespuestaSchema) },
      errores: { "429": error("Demasiados pedidos (cabecera Retry-After)", ["DEMASIADAS_SOLICITUDES"]) },
    },
  },
  "/api/reservas/{id}/enlaces-gestion": {
    path: conId,
    delete: {
      etiqueta: "Cuentas",
      id: "revocarEnlacesGestion",
      resumen: "Revocar los enlaces «Gestionar mi reserva»",
      descripcion: "Todos los enlaces de la reserva dejan de funcionar y las sesiones abiertas con ellos terminan.",
      roles: STAFF,
      respuestas: { "200": ok("Enlaces revocados", r.revocacionEnlacesSchema) },
    },
  },
  "/api/openapi.json": {
    get: { etiqueta: "Operación", id: "openapi", resumen: "Este documento", roles: STAFF, respuestas: { "200": ok("OpenAPI 3.1", z.record(z.string(), z.unknown())) } },
  },
  "/api/docs": {
    get: { etiqueta: "Operación", id: "referencia", resumen: "Referencia navegable de la API", roles: STAFF, respuestas: { "200": { description: "Página HTML", content: { "text/html": { schema: z.string() } } } } },
  },
  "/api/auth/csrf": {
    get: { etiqueta: "Sesión", id: "csrf", resumen: "Token CSRF de next-auth (previo al inicio de sesión)", respuestas: { "200": ok("Token", z.object({ csrfToken: z.string() })) } },
  },
  "/api/auth/callback/credentials": {
    post: {
      etiqueta: "Sesión",
      id: "iniciarSesion",
      resumen: "Iniciar sesión con correo y contraseña",
      descripcion: "Con la cookie de /api/auth/csrf. Deja la cookie de sesión (next-auth.session-token). Límite por cuenta y por dirección: 429 DEMASIADOS_INTENTOS con Retry-After.",
      cuerpoFormulario: z.object({ csrfToken: z.string(), email: z.string(), password: z.string(), json: z.literal("true").optional() }),
      respuestas: {
        "200": ok("Destino tras iniciar sesión", z.object({ url: z.string() })),
        "401": ok("Correo o contraseña incorrectos, o cuenta desactivada (la misma respuesta)", z.object({ url: z.string() })),
        "429": error("Demasiados intentos", ["DEMASIADOS_INTENTOS"]),
      },
    },
  },
  "/api/auth/signout": {
    post: {
      etiqueta: "Sesión",
      id: "cerrarSesion",
      resumen: "Cerrar sesión",
      descripcion: "Termina la sesión en el servidor: la misma cookie, repetida después, recibe 401. Con la cookie de /api/auth/csrf.",
      cuerpoFormulario: z.object({ csrfToken: z.string(), callbackUrl: z.string().optional(), json: z.literal("true").optional() }),
      respuestas: { "200": ok("Destino tras cerrar sesión", z.object({ url: z.string() })) },
    },
  },
};

const ETIQUETAS: Record<string, string> = {
  Reservas: "Reservas de los clientes: listar y crear.",
  Reprogramación: "Mover una reserva de fecha dentro de las reglas, verificarlo antes y ver su historial.",
  "Lista de espera": "Esperar un lugar en un día lleno y aceptar la oferta.",
  Administración: "Reprogramación administrativa y masiva.",
  Notificaciones: "Panel de soporte, métricas de entrega y descartes.",
  Reglas: "Reglas de reprogramación que configura el administrador.",
  "Tiempo real": "Eventos en vivo para soporte (SSE o Pusher).",
  Proveedores: "Llamadas de los proveedores (informes de Twilio).",
  Sesión: "Inicio de sesión de next-auth para clientes de la API.",
  Operación: "Salud del servicio y este documento.",
  Transferencia: "Pasar una reserva a otra persona según la política de la agencia.",
  Cancelación: "Cancelar una reserva con la cotización de la política de la agencia.",
  Importaciones: "Reservas que llegan del sistema de la agencia en un CSV: prueba, importación en segundo plano e informe.",
  Cuentas: "Personas de la agencia, invitaciones, recuperación de contraseña y enlaces de acceso.",
};

let cache: ReturnType<typeof createDocument> | null = null;

export function documentoOpenApi() {
  if (cache) return cache;
  const paths: ZodOpenApiPathsObject = {};
  for (const [ruta, { path, ...metodos }] of Object.entries(RUTAS)) {
    paths[ruta] = Object.fromEntries(
      Object.entries(metodos).map(([metodo, o]) => {
        const op = operacion(o as Operacion, metodo, Boolean(path));
        return [metodo, path ? { ...op, requestParams: { ...op.requestParams, path } } : op];
      }),
    );
  }
  cache = createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Reprogramaciones: API",
        version: "1.0.0",
        license: { name: "Uso privado de la agencia", identifier: "LicenseRef-Privada" },
        description:
          "API de reprogramación de reservas. Las rutas se listan sin / final y responden igual con ella (como las escribe el contrato, p. ej. /api/reservas/). Errores: { detail, error_code, ... } con 4xx; un rechazo nunca cambia la base. Fechas en UTC (ISO 8601); montos como texto con dos decimales.",
      },
      servers: [{ url: "/" }],
      tags: Object.entries(ETIQUETAS).map(([name, description]) => ({ name, description })),
      components: {
        securitySchemes: {
          sesion: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "Cookie de sesión de next-auth (__Secure-next-auth.session-token detrás de HTTPS); se obtiene en POST /api/auth/callback/credentials." },
        },
      },
      paths,
    },
    { reused: "ref" },
  );
  return cache;
}
