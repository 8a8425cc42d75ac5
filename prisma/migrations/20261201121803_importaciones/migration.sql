-- CreateEnum
CREATE TYPE "EstadoImportacion" AS ENUM ('EN_CURSO', 'TERMINADA');

-- CreateEnum
CREATE TYPE "ResultadoFilaImportacion" AS ENUM ('PENDIENTE', 'CREADA', 'ACTUALIZADA', 'SIN_CAMBIOS', 'CONFLICTO', 'ERROR');

-- CreateTable
CREATE TABLE "importacion" (
    "id" SERIAL NOT NULL,
    "creado_por_id" INTEGER NOT NULL,
    "nombre_archivo" VARCHAR(255) NOT NULL,
    "enviar_bienvenida" BOOLEAN NOT NULL,
    "estado" "EstadoImportacion" NOT NULL DEFAULT 'EN_CURSO',
    "total" INTEGER NOT NULL,
    "procesadas" INTEGER NOT NULL DEFAULT 0,
    "creadas" INTEGER NOT NULL DEFAULT 0,
    "actualizadas" INTEGER NOT NULL DEFAULT 0,
    "sin_cambios" INTEGER NOT NULL DEFAULT 0,
    "conflictos" INTEGER NOT NULL DEFAULT 0,
    "errores" INTEGER NOT NULL DEFAULT 0,
    "advertencias" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "terminado_at" TIMESTAMPTZ(3),

    CONSTRAINT "importacion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fila_importacion" (
    "importacion_id" INTEGER NOT NULL,
    "linea" INTEGER NOT NULL,
    "referencia" VARCHAR(100),
    "datos" JSONB,
    "resultado" "ResultadoFilaImportacion" NOT NULL DEFAULT 'PENDIENTE',
    "reserva_id" INTEGER,
    "cliente_nuevo_id" INTEGER,
    "detalle" TEXT,
    "errores" JSONB,
    "advertencias" JSONB,
    "cambios" JSONB,

    CONSTRAINT "fila_importacion_pkey" PRIMARY KEY ("importacion_id","linea")
);

-- CreateIndex
CREATE INDEX "importacion_created_at_idx" ON "importacion"("created_at");

-- CreateIndex
CREATE INDEX "fila_importacion_importacion_id_resultado_idx" ON "fila_importacion"("importacion_id", "resultado");

-- AddForeignKey
ALTER TABLE "importacion" ADD CONSTRAINT "importacion_creado_por_id_fkey" FOREIGN KEY ("creado_por_id") REFERENCES "usuario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fila_importacion" ADD CONSTRAINT "fila_importacion_importacion_id_fkey" FOREIGN KEY ("importacion_id") REFERENCES "importacion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
