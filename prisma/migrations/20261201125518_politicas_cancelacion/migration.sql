-- CreateEnum
CREATE TYPE "AccionHistorial" AS ENUM ('REPROGRAMACION', 'CANCELACION', 'TRANSFERENCIA');

-- CreateEnum
CREATE TYPE "EstadoReembolso" AS ENUM ('PENDIENTE', 'PAGADO');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TipoRegla" ADD VALUE 'POLITICA_CANCELACION';
ALTER TYPE "TipoRegla" ADD VALUE 'COSTO_REPROGRAMACION';
ALTER TYPE "TipoRegla" ADD VALUE 'TRANSFERENCIA';

-- AlterTable
ALTER TABLE "historial_reprogramacion" ADD COLUMN     "accion" "AccionHistorial" NOT NULL DEFAULT 'REPROGRAMACION',
ADD COLUMN     "detalle" JSONB;

-- CreateTable
CREATE TABLE "reembolso" (
    "id" SERIAL NOT NULL,
    "reserva_id" INTEGER NOT NULL,
    "historial_id" INTEGER NOT NULL,
    "monto" DECIMAL(12,2) NOT NULL,
    "porcentaje" DECIMAL(5,2) NOT NULL,
    "moneda" CHAR(3) NOT NULL,
    "estado" "EstadoReembolso" NOT NULL DEFAULT 'PENDIENTE',
    "pagado_at" TIMESTAMPTZ(3),
    "pagado_por_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reembolso_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reembolso_reserva_id_key" ON "reembolso"("reserva_id");

-- CreateIndex
CREATE UNIQUE INDEX "reembolso_historial_id_key" ON "reembolso"("historial_id");

-- CreateIndex
CREATE INDEX "reembolso_estado_created_at_idx" ON "reembolso"("estado", "created_at");

-- AddForeignKey
ALTER TABLE "reembolso" ADD CONSTRAINT "reembolso_reserva_id_fkey" FOREIGN KEY ("reserva_id") REFERENCES "reserva"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reembolso" ADD CONSTRAINT "reembolso_historial_id_fkey" FOREIGN KEY ("historial_id") REFERENCES "historial_reprogramacion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reembolso" ADD CONSTRAINT "reembolso_pagado_por_id_fkey" FOREIGN KEY ("pagado_por_id") REFERENCES "usuario"("id") ON DELETE SET NULL ON UPDATE CASCADE;
