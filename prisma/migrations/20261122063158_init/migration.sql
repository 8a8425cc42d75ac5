-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Rol" AS ENUM ('CLIENTE', 'OPERADOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "NivelCliente" AS ENUM ('BRONZE', 'SILVER', 'GOLD', 'PLATINUM');

-- CreateEnum
CREATE TYPE "EstadoReserva" AS ENUM ('PENDIENTE', 'CONFIRMADA', 'REPROGRAMADA', 'CANCELADA', 'COMPLETADA');

-- CreateEnum
CREATE TYPE "TipoRegla" AS ENUM ('TIEMPO_MINIMO', 'LIMITE_REPROGRAMACIONES', 'DIA_BLACKOUT');

-- CreateEnum
CREATE TYPE "AplicableA" AS ENUM ('CLIENTE', 'OPERADOR', 'ADMIN', 'TODOS');

-- CreateEnum
CREATE TYPE "TipoReprogramacion" AS ENUM ('CLIENTE', 'OPERADOR_ASISTIDO', 'ADMINISTRATIVA');

-- CreateEnum
CREATE TYPE "Prioridad" AS ENUM ('BAJA', 'MEDIA', 'ALTA');

-- CreateEnum
CREATE TYPE "CanalEntrega" AS ENUM ('EMAIL', 'TIEMPO_REAL');

-- CreateEnum
CREATE TYPE "EstadoEntrega" AS ENUM ('PENDIENTE', 'ENVIADA', 'REINTENTANDO', 'FALLIDA');

-- CreateEnum
CREATE TYPE "TipoErrorEntrega" AS ENUM ('PROVEEDOR', 'RED', 'PLANTILLA', 'DATOS_FALTANTES', 'DESTINATARIO_INVALIDO');

-- CreateTable
CREATE TABLE "usuario" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "nombre" TEXT NOT NULL,
    "apellido" TEXT NOT NULL,
    "rol" "Rol" NOT NULL,
    "nivel" "NivelCliente",
    "departamento" TEXT,
    "telefono" TEXT,
    "activo" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "usuario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reserva" (
    "id" SERIAL NOT NULL,
    "usuario_id" INTEGER NOT NULL,
    "destino" TEXT NOT NULL,
    "fecha_inicio" TIMESTAMPTZ(3) NOT NULL,
    "fecha_original" TIMESTAMPTZ(3),
    "estado" "EstadoReserva" NOT NULL DEFAULT 'CONFIRMADA',
    "total" DECIMAL(12,2) NOT NULL,
    "moneda" CHAR(3) NOT NULL DEFAULT 'BOB',
    "numero_reprogramaciones" INTEGER NOT NULL DEFAULT 0,
    "fecha_reprogramacion" TIMESTAMPTZ(3),
    "motivo_reprogramacion" TEXT,
    "reprogramado_por_id" INTEGER,
    "costo_reprogramacion" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "tipo_ultima_reprogramacion" "TipoReprogramacion",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reserva_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "servicio" (
    "id" SERIAL NOT NULL,
    "reserva_id" INTEGER NOT NULL,
    "tipo" TEXT NOT NULL,
    "descripcion" TEXT NOT NULL,
    "precio" DECIMAL(12,2) NOT NULL,

    CONSTRAINT "servicio_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "capacidad_fecha" (
    "fecha" DATE NOT NULL,
    "capacidad_maxima" INTEGER NOT NULL,

    CONSTRAINT "capacidad_fecha_pkey" PRIMARY KEY ("fecha")
);

-- CreateTable
CREATE TABLE "configuracion_agencia" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "nombre_agencia" TEXT NOT NULL DEFAULT 'Agencia de Viajes',
    "capacidad_diaria_por_defecto" INTEGER NOT NULL DEFAULT 15,
    "porcentaje_reembolso" INTEGER NOT NULL DEFAULT 70,
    "porcentaje_reembolso_tardio" INTEGER NOT NULL DEFAULT 50,
    "costo_transferencia" DECIMAL(12,2) NOT NULL DEFAULT 25,
    "costo_reprogramacion" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "email_soporte" TEXT NOT NULL DEFAULT 'soporte@agencia.bo',
    "telefono_soporte" TEXT NOT NULL DEFAULT '+591 2 2441234',
    "validez_cupon_dias" INTEGER NOT NULL DEFAULT 365,

    CONSTRAINT "configuracion_agencia_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "regla_reprogramacion" (
    "id" SERIAL NOT NULL,
    "nombre" TEXT NOT NULL,
    "tipo_regla" "TipoRegla" NOT NULL,
    "aplicable_a" "AplicableA" NOT NULL DEFAULT 'TODOS',
    "valor_numerico" INTEGER,
    "valor_texto" TEXT,
    "activa" BOOLEAN NOT NULL DEFAULT true,
    "prioridad" INTEGER NOT NULL DEFAULT 10,
    "mensaje_error" TEXT NOT NULL,
    "fecha_inicio_vigencia" TIMESTAMPTZ(3),
    "fecha_fin_vigencia" TIMESTAMPTZ(3),
    "condiciones_extras" JSONB NOT NULL DEFAULT '{}',
    "creado_por_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "regla_reprogramacion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "historial_reprogramacion" (
    "id" SERIAL NOT NULL,
    "reserva_id" INTEGER NOT NULL,
    "fecha_anterior" TIMESTAMPTZ(3) NOT NULL,
    "fecha_nueva" TIMESTAMPTZ(3) NOT NULL,
    "motivo" TEXT NOT NULL,
    "tipo" "TipoReprogramacion" NOT NULL,
    "actor_id" INTEGER NOT NULL,
    "reglas_aplicadas" TEXT[],
    "reglas_bypass" JSONB NOT NULL DEFAULT '[]',
    "total_anterior" DECIMAL(12,2) NOT NULL,
    "total_nuevo" DECIMAL(12,2) NOT NULL,
    "descuento_porcentaje" DECIMAL(5,2),
    "descuento_monto" DECIMAL(12,2),
    "descuento_razon" TEXT,
    "costo_aplicado" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "prioridad" "Prioridad",
    "categoria" TEXT,
    "observaciones_internas" TEXT,
    "observaciones_cliente" TEXT,
    "notificar_cliente" BOOLEAN NOT NULL DEFAULT true,
    "cliente_notificado" BOOLEAN NOT NULL DEFAULT false,
    "email_enviado" BOOLEAN NOT NULL DEFAULT false,
    "push_enviado" BOOLEAN NOT NULL DEFAULT false,
    "fecha_notificacion" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "historial_reprogramacion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cupon" (
    "id" SERIAL NOT NULL,
    "codigo" TEXT NOT NULL,
    "valor" DECIMAL(12,2) NOT NULL,
    "moneda" CHAR(3) NOT NULL DEFAULT 'BOB',
    "descripcion" TEXT NOT NULL,
    "valido_hasta" TIMESTAMPTZ(3) NOT NULL,
    "usuario_id" INTEGER NOT NULL,
    "historial_id" INTEGER,
    "creado_por_id" INTEGER NOT NULL,
    "usado_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cupon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notificacion" (
    "id" SERIAL NOT NULL,
    "tipo" TEXT NOT NULL DEFAULT 'reprogramacion',
    "historial_id" INTEGER NOT NULL,
    "reserva_id" INTEGER NOT NULL,
    "datos" JSONB NOT NULL,
    "leida" BOOLEAN NOT NULL DEFAULT false,
    "leida_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notificacion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entrega_notificacion" (
    "id" SERIAL NOT NULL,
    "historial_id" INTEGER NOT NULL,
    "canal" "CanalEntrega" NOT NULL,
    "destinatario" TEXT NOT NULL,
    "plantilla" TEXT NOT NULL,
    "estado" "EstadoEntrega" NOT NULL DEFAULT 'PENDIENTE',
    "intentos" INTEGER NOT NULL DEFAULT 0,
    "error_tipo" "TipoErrorEntrega",
    "error" TEXT,
    "proveedor_id" TEXT,
    "encolada_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enviada_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "entrega_notificacion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "intento_entrega" (
    "id" SERIAL NOT NULL,
    "entrega_id" INTEGER NOT NULL,
    "numero" INTEGER NOT NULL,
    "exito" BOOLEAN NOT NULL,
    "error_tipo" "TipoErrorEntrega",
    "error" TEXT,
    "duracion_ms" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "intento_entrega_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "correo_desarrollo" (
    "id" SERIAL NOT NULL,
    "entrega_id" INTEGER,
    "para" TEXT NOT NULL,
    "asunto" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "texto" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "correo_desarrollo_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "usuario_email_key" ON "usuario"("email");

-- CreateIndex
CREATE INDEX "usuario_rol_idx" ON "usuario"("rol");

-- CreateIndex
CREATE INDEX "reserva_usuario_id_fecha_inicio_idx" ON "reserva"("usuario_id", "fecha_inicio");

-- CreateIndex
CREATE INDEX "reserva_fecha_inicio_idx" ON "reserva"("fecha_inicio");

-- CreateIndex
CREATE INDEX "reserva_estado_fecha_inicio_idx" ON "reserva"("estado", "fecha_inicio");

-- CreateIndex
CREATE INDEX "servicio_reserva_id_idx" ON "servicio"("reserva_id");

-- CreateIndex
CREATE INDEX "regla_reprogramacion_tipo_regla_activa_prioridad_idx" ON "regla_reprogramacion"("tipo_regla", "activa", "prioridad");

-- CreateIndex
CREATE INDEX "historial_reprogramacion_reserva_id_created_at_idx" ON "historial_reprogramacion"("reserva_id", "created_at");

-- CreateIndex
CREATE INDEX "historial_reprogramacion_created_at_idx" ON "historial_reprogramacion"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "cupon_codigo_key" ON "cupon"("codigo");

-- CreateIndex
CREATE INDEX "cupon_usuario_id_idx" ON "cupon"("usuario_id");

-- CreateIndex
CREATE UNIQUE INDEX "notificacion_historial_id_key" ON "notificacion"("historial_id");

-- CreateIndex
CREATE INDEX "notificacion_created_at_idx" ON "notificacion"("created_at");

-- CreateIndex
CREATE INDEX "notificacion_leida_created_at_idx" ON "notificacion"("leida", "created_at");

-- CreateIndex
CREATE INDEX "entrega_notificacion_historial_id_idx" ON "entrega_notificacion"("historial_id");

-- CreateIndex
CREATE INDEX "entrega_notificacion_encolada_at_idx" ON "entrega_notificacion"("encolada_at");

-- CreateIndex
CREATE INDEX "entrega_notificacion_estado_idx" ON "entrega_notificacion"("estado");

-- CreateIndex
CREATE UNIQUE INDEX "intento_entrega_entrega_id_numero_key" ON "intento_entrega"("entrega_id", "numero");

-- CreateIndex
CREATE UNIQUE INDEX "correo_desarrollo_entrega_id_key" ON "correo_desarrollo"("entrega_id");

-- CreateIndex
CREATE INDEX "correo_desarrollo_created_at_idx" ON "correo_desarrollo"("created_at");

-- AddForeignKey
ALTER TABLE "reserva" ADD CONSTRAINT "reserva_usuario_id_fkey" FOREIGN KEY ("usuario_id") REFERENCES "usuario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reserva" ADD CONSTRAINT "reserva_reprogramado_por_id_fkey" FOREIGN KEY ("reprogramado_por_id") REFERENCES "usuario"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "servicio" ADD CONSTRAINT "servicio_reserva_id_fkey" FOREIGN KEY ("reserva_id") REFERENCES "reserva"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regla_reprogramacion" ADD CONSTRAINT "regla_reprogramacion_creado_por_id_fkey" FOREIGN KEY ("creado_por_id") REFERENCES "usuario"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "historial_reprogramacion" ADD CONSTRAINT "historial_reprogramacion_reserva_id_fkey" FOREIGN KEY ("reserva_id") REFERENCES "reserva"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "historial_reprogramacion" ADD CONSTRAINT "historial_reprogramacion_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "usuario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cupon" ADD CONSTRAINT "cupon_usuario_id_fkey" FOREIGN KEY ("usuario_id") REFERENCES "usuario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cupon" ADD CONSTRAINT "cupon_historial_id_fkey" FOREIGN KEY ("historial_id") REFERENCES "historial_reprogramacion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cupon" ADD CONSTRAINT "cupon_creado_por_id_fkey" FOREIGN KEY ("creado_por_id") REFERENCES "usuario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notificacion" ADD CONSTRAINT "notificacion_historial_id_fkey" FOREIGN KEY ("historial_id") REFERENCES "historial_reprogramacion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notificacion" ADD CONSTRAINT "notificacion_reserva_id_fkey" FOREIGN KEY ("reserva_id") REFERENCES "reserva"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entrega_notificacion" ADD CONSTRAINT "entrega_notificacion_historial_id_fkey" FOREIGN KEY ("historial_id") REFERENCES "historial_reprogramacion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intento_entrega" ADD CONSTRAINT "intento_entrega_entrega_id_fkey" FOREIGN KEY ("entrega_id") REFERENCES "entrega_notificacion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "correo_desarrollo" ADD CONSTRAINT "correo_desarrollo_entrega_id_fkey" FOREIGN KEY ("entrega_id") REFERENCES "entrega_notificacion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Constraints that the Prisma schema language cannot express (kept by hand, not part of the diff base).
ALTER TABLE "reserva"
  ADD CONSTRAINT "reserva_total_no_negativo" CHECK ("total" >= 0),
  ADD CONSTRAINT "reserva_costo_no_negativo" CHECK ("costo_reprogramacion" >= 0),
  ADD CONSTRAINT "reserva_reprogramaciones_no_negativas" CHECK ("numero_reprogramaciones" >= 0);
ALTER TABLE "servicio" ADD CONSTRAINT "servicio_precio_no_negativo" CHECK ("precio" >= 0);
ALTER TABLE "capacidad_fecha" ADD CONSTRAINT "capacidad_no_negativa" CHECK ("capacidad_maxima" >= 0);
ALTER TABLE "cupon" ADD CONSTRAINT "cupon_valor_positivo" CHECK ("valor" > 0);
ALTER TABLE "configuracion_agencia"
  ADD CONSTRAINT "configuracion_una_fila" CHECK ("id" = 1),
  ADD CONSTRAINT "configuracion_valores_validos" CHECK (
    "capacidad_diaria_por_defecto" >= 0 AND "costo_transferencia" >= 0 AND "costo_reprogramacion" >= 0
    AND "porcentaje_reembolso" BETWEEN 0 AND 100 AND "porcentaje_reembolso_tardio" BETWEEN 0 AND 100
    AND "validez_cupon_dias" > 0);
ALTER TABLE "historial_reprogramacion"
  ADD CONSTRAINT "historial_montos_no_negativos" CHECK (
    "total_anterior" >= 0 AND "total_nuevo" >= 0 AND "costo_aplicado" >= 0
    AND ("descuento_monto" IS NULL OR "descuento_monto" >= 0)
    AND ("descuento_porcentaje" IS NULL OR ("descuento_porcentaje" > 0 AND "descuento_porcentaje" <= 100)));

-- The reschedule history is an audit: rows are never deleted, and only the notification state changes.
CREATE FUNCTION "historial_solo_agregar"() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE notification_columns text[] := ARRAY['cliente_notificado', 'email_enviado', 'push_enviado', 'fecha_notificacion']; BEGIN IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'historial_reprogramacion es de solo agregar'; END IF; IF (to_jsonb(NEW) - notification_columns) IS DISTINCT FROM (to_jsonb(OLD) - notification_columns) THEN RAISE EXCEPTION 'historial_reprogramacion: solo el estado de notificación puede cambiar'; END IF; RETURN NEW; END $$;
CREATE TRIGGER "historial_solo_agregar" BEFORE UPDATE OR DELETE ON "historial_reprogramacion"
  FOR EACH ROW EXECUTE FUNCTION "historial_solo_agregar"();
