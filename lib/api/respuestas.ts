// Response schemas of every JSON endpoint, grouped by area. The serializers return these shapes
// (typed with z.input) and /api/openapi.json documents them.
import { z } from "zod";
import { CanalEntrega, EstadoEntrega, EstadoEspera, NivelCliente, TipoErrorEntrega } from "@/lib/generated/prisma/enums";
import {
  diaSchema,
  dineroSchema,
  estadoReservaSchema,
  idSchema,
  instanteSchema,
  jsonLibreSchema,
  paginaSchema,
  prioridadSchema,
  rolSchema,
  tipoReglaSchema,
  tipoReprogramacionSchema,
} from "./comunes";

const nullable = <T extends z.ZodType>(s: T) => s.nullable();
const entero = z.number().int();

// ── Reservas ───────────────────────────────────────────────────────────────────────────────────
const servicioSchema = z.object({ id: idSchema, tipo: z.string(), descripcion: z.string(), precio: dineroSchema });
export const reservaSchema = z
  .object({
    id: idSchema,
    usuario: idSchema,
    cliente: z.object({ id: idSchema, nombre: z.string(), email: z.string() }),
    referencia_externa: nullable(z.string()).meta({ description: "Código de la reserva en el sistema de la agencia" }),
    destino: z.string(),
    fecha_inicio: instanteSchema,
    estado: estadoReservaSchema,
    fecha_original: nullable(instanteSchema),
    fecha_reprogramacion: nullable(instanteSchema),
    motivo_reprogramacion: nullable(z.string()),
    numero_reprogramaciones: entero,
    reprogramado_por: nullable(idSchema),
    total: dineroSchema,
    moneda: z.string(),
    costo_reprogramacion: nullable(dineroSchema),
    servicios: z.array(servicioSchema),
  })
  .meta({ id: "Reserva" });
export const listaReservasSchema = z.object({ ...paginaSchema, reservas: z.array(reservaSchema) });

/** §4 and §7: what the reservation can do instead, with the real figures and the endpoint to call. */
export const alternativaSchema = z.object({
  opcion: z.string(),
  accion: z.enum(["CANCELAR", "TRANSFERIR", "LISTA_ESPERA", "CONTACTAR_SOPORTE"]),
  descripcion: z.string(),
  endpoint: z.string().optional(),
  porcentaje_reembolso: z.number().optional(),
  reembolso_porcentaje: z.number().optional().meta({ description: "El mismo porcentaje, con el nombre de §7" }),
  monto_reembolso: dineroSchema.optional(),
  costo_transferencia: dineroSchema.optional(),
  fecha_limite: instanteSchema.optional(),
  contacto: z.object({ email: z.string(), telefono: z.string() }).optional(),
});

// ── Reprogramar (§1, §2, §3) ───────────────────────────────────────────────────────────────────
const validacionSchema = z.object({ regla: tipoReglaSchema, resultado: z.literal("APROBADO"), detalle: z.string() });
export const notificacionesSchema = z
  .object({
    cliente_notificado: z.boolean(),
    soporte_notificado: z.boolean(),
    emails_enviados: entero,
    emails_en_cola: entero,
    sms_enviado: z.boolean(),
    sms_en_cola: z.boolean(),
    notificacion_push: z.boolean(),
    push_en_cola: z.boolean(),
    canales_utilizados: z.array(z.string()),
    estado: z.literal("EN_COLA"),
    notificar_cliente: z.boolean(),
    template_usado: z.string(),
  })
  .meta({ description: "Estado honesto al responder: en cola no es enviado (siga GET .../historial-reprogramacion/)" });
const operadorSchema = z.object({ id: idSchema, nombre: z.string(), departamento: nullable(z.string()) });
const cuponSchema = z.object({ codigo: z.string(), valor: nullable(dineroSchema), valido_hasta: nullable(instanteSchema), descripcion: nullable(z.string()) });

const reprogramacionClienteSchema = z
  .object({
    id: idSchema,
    usuario: idSchema,
    fecha_inicio: instanteSchema,
    estado: estadoReservaSchema,
    fecha_anterior: instanteSchema,
    fecha_original: nullable(instanteSchema),
    fecha_reprogramacion: nullable(instanteSchema),
    motivo_reprogramacion: nullable(z.string()),
    numero_reprogramaciones: entero,
    reprogramado_por: nullable(idSchema),
    tipo_reprogramacion: tipoReprogramacionSchema,
    total: dineroSchema,
    moneda: z.string(),
    costo_reprogramacion: dineroSchema,
    historial_id: idSchema,
    validaciones_aplicadas: z.array(validacionSchema),
    notificaciones: notificacionesSchema,
  })
  .meta({ id: "ReprogramacionCliente", description: "§1: respuesta a un cliente" });

const reprogramacionOperadorSchema = reprogramacionClienteSchema
  .extend({
    descuento_aplicado: nullable(
      z.object({ porcentaje: z.number(), monto_descuento: dineroSchema, total_anterior: dineroSchema, total_nuevo: dineroSchema, razon: nullable(z.string()) }),
    ),
    prioridad: nullable(prioridadSchema),
    operador: operadorSchema,
  })
  .meta({ id: "ReprogramacionOperador", description: "§2: respuesta a un operador" });

export const reprogramacionAdministrativaSchema = z
  .object({
    reprogramacion_exitosa: z.literal(true),
    reserva: z.object({
      id: idSchema,
      usuario: idSchema,
      fecha_inicio: instanteSchema,
      fecha_anterior: instanteSchema,
      fecha_original: nullable(instanteSchema),
      estado: estadoReservaSchema,
      tipo_reprogramacion: tipoReprogramacionSchema,
      numero_reprogramaciones: entero,
      total: dineroSchema,
      moneda: z.string(),
    }),
    beneficios_aplicados: z.object({
      descuento: nullable(z.object({ porcentaje: z.number(), monto: dineroSchema, total_anterior: dineroSchema, total_nuevo: dineroSchema })),
      compensacion: nullable(z.object({ cupon_generado: cuponSchema, cupones_generados: z.array(cuponSchema) })),
    }),
    reglas_bypass: z.array(jsonLibreSchema),
    validaciones_aplicadas: z.array(validacionSchema),
    categoria_reprogramacion: nullable(z.string()),
    prioridad: nullable(prioridadSchema),
    aprobado_por: z.string(),
    historial_id: idSchema,
    notificaciones: notificacionesSchema.extend({ mensaje_personalizado: z.boolean() }),
    operador: operadorSchema,
  })
  .meta({ id: "ReprogramacionAdministrativa", description: "§3: respuesta a un administrador" });

export const respuestaReprogramarSchema = z.union([reprogramacionAdministrativaSchema, reprogramacionOperadorSchema, reprogramacionClienteSchema]);

export const reprogramacionMasivaSchema = z.object({
  reprogramacion_masiva: z.literal(true),
  resumen: z.object({ total: entero, exitosas: entero, fallidas: entero }),
  resultados: z.array(
    z.union([
      z.object({ reserva_id: idSchema, exito: z.literal(true), status: z.literal(200), resultado: reprogramacionAdministrativaSchema }),
      z.object({ reserva_id: z.number().int(), exito: z.literal(false), status: entero, error: z.looseObject({ detail: z.string(), error_code: z.string() }) }),
    ]),
  ),
});

// ── Verificación previa (§4), historial (§5), calendario ───────────────────────────────────────
const reglaEvaluadaSchema = z.object({
  id: idSchema,
  nombre: z.string(),
  tipo_regla: tipoReglaSchema,
  cumple: z.boolean(),
  detalle: z.string(),
  valor_actual: z.unknown(),
  valor_requerido: z.unknown(),
  dia_actual: z.unknown().optional(),
  dias_no_permitidos: z.unknown().optional(),
});
const fechaSugeridaSchema = z.object({ fecha: instanteSchema, dia: z.string(), disponible: z.boolean() });
const fechaAlternativaSchema = z.object({ fecha: instanteSchema, disponibilidad: z.enum(["ALTA", "MEDIA", "BAJA"]), espacios_libres: entero });

export const puedeReprogramarSchema = z.object({
  puede_reprogramar: z.boolean(),
  razon: z.string(),
  nueva_fecha: instanteSchema.optional(),
  reprogramaciones_restantes: nullable(entero),
  tiempo_minimo_requerido_horas: z.unknown(),
  tiempo_actual_hasta_reserva_horas: entero,
  reglas_evaluadas: z.array(reglaEvaluadaSchema),
  reglas_violadas: z
    .array(
      reglaEvaluadaSchema.extend({
        mensaje_error: z.string(),
        tiempo_restante_para_cumplir: z.string().optional(),
        fecha_limite_reprogramacion: z.unknown().optional(),
        proxima_disponibilidad: z.string().optional(),
      }),
    )
    .optional(),
  motivos: z.array(z.string()).optional(),
  reglas_no_aplicadas: z.array(z.object({ id: idSchema, nombre: z.string(), tipo_regla: tipoReglaSchema, razon: z.string() })),
  disponibilidad: z
    .object({ reservas_existentes: entero, capacidad_maxima: entero, espacios_libres: entero, personas_en_lista_espera: entero, lista_espera_disponible: z.boolean() })
    .optional(),
  sugerencias_fechas: z.array(fechaSugeridaSchema).optional(),
  fechas_alternativas: z.array(fechaAlternativaSchema).optional(),
  costos_estimados: z.object({ costo_reprogramacion: dineroSchema, aplica_descuento: z.boolean(), total_estimado: dineroSchema }),
  alternativas_sugeridas: z.array(alternativaSchema).optional(),
});

export const historialSchema = z.array(
  z.object({
    id: idSchema,
    accion: z.enum(["REPROGRAMACION", "CANCELACION", "TRANSFERENCIA"]).meta({ description: "Qué registra la entrada: un cambio de fecha, una cancelación o un cambio de titular" }),
    reembolso: z.object({ porcentaje: z.number(), monto: dineroSchema, costo_cancelacion: dineroSchema, moneda: z.string() }).optional().meta({ description: "Solo en una cancelación" }),
    transferencia: z.object({ de: z.string(), a: z.string() }).optional().meta({ description: "Solo en una transferencia: los nombres del titular anterior y del nuevo" }),
    fecha_anterior: instanteSchema,
    fecha_nueva: instanteSchema,
    motivo: z.string(),
    tipo_reprogramacion: tipoReprogramacionSchema,
    costo_aplicado: nullable(dineroSchema),
    total_anterior: nullable(dineroSchema),
    total_nuevo: nullable(dineroSchema),
    descuento_aplicado: nullable(z.object({ porcentaje: z.number(), monto: nullable(dineroSchema), razon: nullable(z.string()) })),
    reprogramado_por: z.object({ id: idSchema, username: z.string(), first_name: z.string(), last_name: z.string(), rol: rolSchema }),
    fecha_reprogramacion: instanteSchema,
    estado_notificacion: z.object({
      cliente_notificado: z.boolean(),
      email_enviado: z.boolean(),
      sms_enviado: z.boolean(),
      push_enviado: z.boolean(),
      fecha_notificacion: nullable(instanteSchema),
    }),
    reglas_aplicadas: z.unknown(),
    reglas_bypass: z.unknown(),
    cupones: z.array(z.object({ codigo: z.string(), valor: nullable(dineroSchema), valido_hasta: nullable(instanteSchema) })),
    observaciones_cliente: nullable(z.string()),
    observaciones_internas: nullable(z.string()).optional().meta({ description: "Solo personal" }),
    prioridad: nullable(prioridadSchema).optional().meta({ description: "Solo personal" }),
    categoria: nullable(z.string()).optional().meta({ description: "Solo personal" }),
  }),
);

export const codigoMotivoSchema = z.enum([
  "RESERVA_NO_REPROGRAMABLE",
  "FECHA_EN_PASADO",
  "FECHA_ACTUAL",
  "FECHA_FUERA_DE_HORIZONTE",
  "LIMITE_REPROGRAMACIONES",
  "TIEMPO_MINIMO",
  "DIA_BLACKOUT",
  "FERIADO",
  "SIN_CAPACIDAD",
]);
export const motivoDiaSchema = z.object({ codigo: codigoMotivoSchema, mensaje: z.string(), regla: z.object({ id: idSchema, nombre: z.string() }).optional() });

export const calendarioSchema = z.object({
  reserva_id: idSchema,
  zona: z.string(),
  hora_local: z.string().regex(/^\d{2}:\d{2}$/),
  fecha_actual: instanteSchema,
  desde: diaSchema,
  hasta: diaSchema,
  dias_permitidos: entero,
  dias: z.array(
    z.object({
      fecha: diaSchema,
      fecha_hora: instanteSchema,
      dia_semana: z.string(),
      permitido: z.boolean(),
      motivos: z.array(motivoDiaSchema),
      feriado: nullable(z.string()),
      espacios_libres: entero,
      capacidad: entero,
      disponibilidad: z.enum(["ALTA", "MEDIA", "BAJA", "SIN_LUGARES"]),
      quedan_pocos: z.boolean(),
      lista_espera: z.object({ disponible: z.boolean(), personas: entero }),
    }),
  ),
});

// ── Lista de espera ────────────────────────────────────────────────────────────────────────────
export const entradaListaEsperaSchema = z
  .object({
    id: idSchema,
    reserva_id: idSchema,
    fecha: diaSchema,
    fecha_propuesta: instanteSchema,
    estado: z.enum(EstadoEspera),
    posicion: nullable(entero),
    personas_en_lista: entero,
    oferta: nullable(z.object({ ofertada_at: nullable(instanteSchema), vence_at: instanteSchema, aceptar: z.string() })),
    creada_at: instanteSchema,
    cerrada_at: nullable(instanteSchema),
  })
  .meta({ id: "EntradaListaEspera" });
export const listaEsperaReservaSchema = z.object({ reserva_id: idSchema, entradas: z.array(entradaListaEsperaSchema) });

// ── Notificaciones, métricas, entregas ─────────────────────────────────────────────────────────
const notificacionSchema = z
  .object({
    id: idSchema,
    tipo: z.enum(["reprogramacion", "cancelacion", "transferencia"]),
    reserva_id: idSchema,
    cliente: z.object({ nombre: z.string(), email: z.string() }),
    fecha_anterior: instanteSchema,
    fecha_nueva: instanteSchema,
    motivo: z.string(),
    reprogramado_por: z.string(),
    tipo_reprogramacion: z.string(),
    timestamp: instanteSchema,
    leida: z.boolean(),
  })
  .meta({ id: "Notificacion" });
export const listaNotificacionesSchema = z.object({
  notificaciones: z.array(notificacionSchema),
  total: entero,
  no_leidas: entero,
  pagina: entero,
  por_pagina: entero,
  paginas: entero,
});
export const notificacionMarcadaSchema = notificacionSchema.extend({ no_leidas: entero });
export const todasMarcadasSchema = z.object({ actualizadas: entero, no_leidas: z.literal(0) });

const latenciaSchema = z.object({ p50: nullable(z.number()), p95: nullable(z.number()) });
const estadisticasCanalSchema = z.object({ total: entero, enviadas: entero, fallidas: entero, pendientes: entero, tasa_entrega: z.number(), latencia_ms: latenciaSchema });
const porTipoDeError = z.object(Object.fromEntries(Object.values(TipoErrorEntrega).map((t) => [t, entero])) as Record<TipoErrorEntrega, typeof entero>);
export const metricasSchema = z.object({
  periodo: z.object({ desde: instanteSchema, hasta: instanteSchema, zona: z.string() }),
  total_reprogramaciones: entero,
  reprogramaciones_con_aviso_al_cliente: entero,
  notificaciones_enviadas: entero,
  tasa_entrega: z.number(),
  por_canal: z.object({ email_cliente: estadisticasCanalSchema, email_admin: estadisticasCanalSchema, sms: estadisticasCanalSchema, tiempo_real: estadisticasCanalSchema }),
  latencia_ms: latenciaSchema,
  errores_por_tipo: porTipoDeError,
  entregas_fallidas_por_tipo: porTipoDeError,
  volumen_por_dia: z.array(z.object({ fecha: diaSchema, reprogramaciones: entero, correos_enviados: entero, sms_enviados: entero, eventos_enviados: entero })),
  ofertas_lista_espera: z.object({
    ofertas: entero,
    aceptadas: entero,
    rechazadas: entero,
    vencidas: entero,
    retiradas: entero,
    abiertas: entero,
    tasa_aceptacion: z.number(),
    por_canal: z.object({ email: estadisticasCanalSchema, sms: estadisticasCanalSchema }),
  }),
  salidas_y_cambios: z
    .object({
      cancelaciones: entero,
      reembolsos: z.object({ cantidad: entero, monto: dineroSchema, pagados: entero, monto_pagado: dineroSchema }),
      transferencias: z.object({ cantidad: entero, costos: dineroSchema }),
      costos_de_cambio: z.object({ reprogramaciones_con_costo: entero, monto: dineroSchema }),
    })
    .meta({ description: "Cancelaciones y sus reembolsos, transferencias y costos de cambio cobrados en el periodo (montos en la moneda de las reservas)" }),
});

export const entregaSchema = z
  .object({
    id: idSchema,
    historial_id: nullable(idSchema),
    lista_espera_id: nullable(idSchema),
    reserva_id: idSchema.optional(),
    canal: z.enum(CanalEntrega),
    destinatario: z.string(),
    plantilla: z.string(),
    estado: z.enum(EstadoEntrega),
    intentos: entero,
    error_tipo: nullable(z.enum(TipoErrorEntrega)),
    error: nullable(z.string()),
    estado_proveedor: nullable(z.string()),
    codigo_proveedor: nullable(z.string()),
    estado_proveedor_at: nullable(instanteSchema),
    encolada_at: instanteSchema,
    enviada_at: nullable(instanteSchema),
    actualizada_at: instanteSchema,
  })
  .meta({ id: "Entrega" });
export const listaEntregasSchema = z.object({ ...paginaSchema, entregas: z.array(entregaSchema) });

// ── Reglas ─────────────────────────────────────────────────────────────────────────────────────
export const reglaSchema = z
  .object({
    id: idSchema,
    nombre: z.string(),
    tipo_regla: tipoReglaSchema,
    aplicable_a: z.string(),
    valor_numerico: nullable(z.number()),
    valor_texto: nullable(z.string()),
    activa: z.boolean(),
    prioridad: entero,
    mensaje_error: z.string(),
    fecha_inicio_vigencia: nullable(instanteSchema),
    fecha_fin_vigencia: nullable(instanteSchema),
    condiciones_extras: z.unknown(),
    created_at: instanteSchema,
    updated_at: instanteSchema,
    creado_por: nullable(z.object({ id: idSchema, username: z.string(), first_name: z.string(), last_name: z.string() })),
  })
  .meta({ id: "Regla" });

// ── Lotes (reprogramación masiva) ──────────────────────────────────────────────────────────────
export const simulacionLoteSchema = z.object({
  total: entero,
  pasarian: entero,
  fallarian: entero,
  capacidad: z.array(z.object({ dia: diaSchema, capacidad: entero, ocupadas: entero, apartadas: entero, en_lista_espera: entero, libres: entero })),
  items: z.array(
    z.object({ reserva_id: z.number().int(), pasaria: z.boolean(), error_code: nullable(z.string()), detalle: nullable(z.string()), fecha_nueva: instanteSchema.optional() }),
  ),
});
export const loteCreadoSchema = z.object({ id: idSchema });

// ── Cancelación ────────────────────────────────────────────────────────────────────────────────
const tramoEnElTiempoSchema = z.object({
  porcentaje: entero,
  desde: nullable(instanteSchema),
  hasta: instanteSchema.meta({ description: "Último instante en que rige el tramo" }),
  vigente: z.boolean(),
  texto: z.string().meta({ example: "hasta el 05/12/2026 14:00: 70 %" }),
});
export const cotizacionCancelacionSchema = z.object({
  reserva_id: idSchema,
  puede_cancelar: z.boolean(),
  razon: nullable(z.string()),
  porcentaje_reembolso: entero,
  monto_reembolso: dineroSchema,
  costo_cancelacion: dineroSchema,
  total: dineroSchema,
  moneda: z.string(),
  linea_tiempo: z.array(tramoEnElTiempoSchema),
  cambia_at: nullable(instanteSchema),
  politica: nullable(z.object({ id: idSchema, nombre: z.string() })),
  cotizacion: nullable(z.string()).meta({ description: "Envíela a POST .../cancelar/ antes de vence_at" }),
  vence_at: nullable(instanteSchema),
});
export const cancelacionSchemaRespuesta = z.object({
  mensaje: z.string(),
  reserva: reservaSchema,
  historial_id: idSchema,
  reembolso: z.object({ id: idSchema, monto: dineroSchema, porcentaje: z.number(), moneda: z.string(), estado: z.enum(["PENDIENTE", "PAGADO"]) }),
  costo_cancelacion: dineroSchema,
  notificaciones: notificacionesSchema,
});

const personaSchema = z.object({ id: idSchema, nombre: z.string(), email: z.string() });
export const transferenciaRespuestaSchema = z.object({
  mensaje: z.string(),
  reserva: reservaSchema,
  historial_id: idSchema,
  de: personaSchema,
  a: personaSchema,
  costo_transferencia: dineroSchema,
  notificaciones: notificacionesSchema,
});
export const condicionesTransferenciaSchema = z.object({ permitida: z.boolean(), razon: nullable(z.string()), costo: dineroSchema, fecha_limite: nullable(instanteSchema) });

export const reembolsoSchema = z.object({
  id: idSchema,
  reserva_id: idSchema,
  destino: z.string(),
  cliente: z.object({ nombre: z.string(), email: z.string() }),
  monto: dineroSchema,
  porcentaje: z.number(),
  moneda: z.string(),
  estado: z.enum(["PENDIENTE", "PAGADO"]),
  cancelada_at: instanteSchema,
  motivo: z.string(),
  pagado_at: nullable(instanteSchema),
  pagado_por: nullable(z.string()),
});
export const listaReembolsosSchema = z.object({ reembolsos: z.array(reembolsoSchema), pendientes: entero, monto_pendiente: dineroSchema });

// ── Importaciones (CSV) ────────────────────────────────────────────────────────────────────────
export const resultadoImportacionSchema = z.enum(["crear", "actualizar", "sin_cambios", "conflicto", "error"]).meta({
  description: "Qué hace (prueba) o hizo (importación) la fila: crear, actualizar, sin_cambios, conflicto (la fecha del producto se mantiene), error",
});
const cambioSchema = z.object({ antes: z.unknown(), despues: z.unknown() });
export const filaInformeSchema = z.object({
  linea: entero.meta({ description: "Línea del archivo (la 1 es el encabezado)" }),
  referencia: nullable(z.string()),
  resultado: resultadoImportacionSchema,
  reserva_id: nullable(idSchema),
  errores: z.array(z.object({ columna: nullable(z.string()), mensaje: z.string() })),
  advertencias: z.array(z.string()).meta({ description: "No detienen la fila: fecha más allá del horizonte, día que queda sobre su capacidad, fecha ya pasada" }),
  cambios: z.record(z.string(), cambioSchema).meta({ description: "Campo → { antes, despues } de lo que la fila cambia" }),
  conflicto: nullable(z.string()),
});
export type FilaInforme = z.infer<typeof filaInformeSchema>;
export const resumenImportacionSchema = z.object({ creadas: entero, actualizadas: entero, sin_cambios: entero, conflictos: entero, errores: entero, advertencias: entero.meta({ description: "Filas con al menos una advertencia" }) });
export type ResumenImportacion = z.infer<typeof resumenImportacionSchema>;
export const simulacionImportacionSchema = z.object({ simulacion: z.literal(true), total: entero, resumen: resumenImportacionSchema, filas: z.array(filaInformeSchema) });
export const importacionCreadaSchema = z.object({ id: idSchema, total: entero });
export const importacionSchema = z.object({
  id: idSchema,
  estado: z.enum(["EN_CURSO", "TERMINADA"]),
  nombre_archivo: z.string(),
  enviar_bienvenida: z.boolean(),
  creada_por: z.string(),
  creado: instanteSchema,
  terminado: nullable(instanteSchema),
  total: entero,
  procesadas: entero.meta({ description: "Filas terminadas de total" }),
  resumen: resumenImportacionSchema,
});
export const estadoImportacionSchema = importacionSchema.extend({ filas: nullable(z.array(filaInformeSchema)).meta({ description: "El informe por fila, cuando terminó" }) });
export const listaImportacionesSchema = z.object({ importaciones: z.array(importacionSchema) });

export const informeSmsSchema = z.object({ registrado: z.boolean() });

// ── Tiempo real ────────────────────────────────────────────────────────────────────────────────
export const autorizacionPusherSchema = z.object({ auth: z.string(), channel_data: z.string().optional() });

// ── Salud ──────────────────────────────────────────────────────────────────────────────────────
export const saludPublicaSchema = z.object({
  estado: z.enum(["ok", "degradado"]),
  base_de_datos: z.enum(["ok", "sin_conexion"]).optional(),
  migraciones: z.enum(["al_dia", "pendientes"]).optional(),
});
export const saludAdministrativaSchema = z.object({
  estado: z.enum(["ok", "degradado"]),
  avisos: z.array(z.object({ codigo: z.enum(["BASE_SIN_CONEXION", "MIGRACIONES_PENDIENTES", "SIN_WORKERS", "WORKER_SIN_BUSCAR", "ENTREGAS_ATRASADAS"]), detalle: z.string() })),
  build: z.object({ commit: z.string() }),
  escucha: z.object({ configuracion: z.object({ conectada: z.boolean() }), sesiones: z.object({ conectada: z.boolean() }), en_vivo: z.object({ conectada: z.boolean(), clientes: entero }) }),
  workers: z.array(
    z.object({
      id: z.string(),
      disposicion: z.string(),
      vivo: z.boolean(),
      atascado: z.boolean(),
      iniciado_at: instanteSchema,
      latido_at: instanteSchema,
      ultima_busqueda_at: nullable(instanteSchema),
      segundos_sin_buscar: entero,
    }),
  ),
  cola: nullable(z.object({ trabajos_listos: entero, trabajos_programados: entero, trabajos_bloqueados: entero, listo_mas_antiguo_s: nullable(entero) })),
  entregas: nullable(z.object({ pendientes: entero, reintentando: entero, pendiente_mas_antigua_s: nullable(entero) })),
});

// ── Cuentas ────────────────────────────────────────────────────────────────────────────────────
export const usuarioSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    nombre: z.string(),
    apellido: z.string(),
    rol: rolSchema,
    activo: z.boolean(),
    departamento: nullable(z.string()),
    telefono: nullable(z.string()),
    nivel: nullable(z.enum(NivelCliente)),
    tiene_contrasena: z.boolean().meta({ description: "Si ya eligió una contraseña (nunca se devuelve un hash ni un token)" }),
    created_at: instanteSchema,
    updated_at: instanteSchema,
  })
  .meta({ id: "Usuario" });
export const listaUsuariosSchema = z.object({ ...paginaSchema, usuarios: z.array(usuarioSchema) });
const entradaAuditoriaSchema = z.object({
  id: idSchema,
  accion: z.string().meta({ description: "CREADO, ACTUALIZADO, INVITACION_REENVIADA, CONTRASENA_ESTABLECIDA, CONTRASENA_CAMBIADA o CONTRASENA_RESTABLECIDA" }),
  cambios: jsonLibreSchema.meta({ description: "Por campo: { antes, despues }" }),
  actor: nullable(z.string()).meta({ description: "Quién lo hizo; null: la propia persona con un enlace" }),
  created_at: instanteSchema,
});
export const usuarioDetalleSchema = usuarioSchema.extend({ auditoria: z.array(entradaAuditoriaSchema) }).meta({ id: "UsuarioDetalle" });
export const pedidoEnlaceRespuestaSchema = z.object({ detail: z.string(), estado: z.literal("ENVIADO_SI_EXISTE") });
export const revocacionEnlacesSchema = z.object({ enlaces_revocados: entero });
