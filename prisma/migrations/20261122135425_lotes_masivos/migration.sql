-- CreateEnum
CREATE TYPE "EstadoLote" AS ENUM ('EN_CURSO', 'TERMINADO');

-- CreateEnum
CREATE TYPE "EstadoItemLote" AS ENUM ('PENDIENTE', 'MOVIDA', 'RECHAZADA');

-- CreateTable
CREATE TABLE "lote_reprogramacion" (
    "id" SERIAL NOT NULL,
    "creado_por_id" INTEGER NOT NULL,
    "solicitud" JSONB NOT NULL,
    "fecha_nueva" TIMESTAMPTZ(3),
    "dia" CHAR(10),
    "estado" "EstadoLote" NOT NULL DEFAULT 'EN_CURSO',
    "total" INTEGER NOT NULL,
    "procesadas" INTEGER NOT NULL DEFAULT 0,
    "movidas" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "terminado_at" TIMESTAMPTZ(3),

    CONSTRAINT "lote_reprogramacion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_lote" (
    "id" SERIAL NOT NULL,
    "lote_id" INTEGER NOT NULL,
    "reserva_id" INTEGER NOT NULL,
    "orden" INTEGER NOT NULL,
    "estado" "EstadoItemLote" NOT NULL DEFAULT 'PENDIENTE',
    "error_code" TEXT,
    "detalle" TEXT,
    "fecha_anterior" TIMESTAMPTZ(3),
    "fecha_nueva" TIMESTAMPTZ(3),
    "historial_id" INTEGER,

    CONSTRAINT "item_lote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "lote_reprogramacion_created_at_idx" ON "lote_reprogramacion"("created_at");

-- CreateIndex
CREATE INDEX "item_lote_lote_id_orden_idx" ON "item_lote"("lote_id", "orden");

-- CreateIndex
CREATE UNIQUE INDEX "item_lote_lote_id_reserva_id_key" ON "item_lote"("lote_id", "reserva_id");

-- AddForeignKey
ALTER TABLE "lote_reprogramacion" ADD CONSTRAINT "lote_reprogramacion_creado_por_id_fkey" FOREIGN KEY ("creado_por_id") REFERENCES "usuario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_lote" ADD CONSTRAINT "item_lote_lote_id_fkey" FOREIGN KEY ("lote_id") REFERENCES "lote_reprogramacion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
