-- AlterTable
ALTER TABLE "configuracion_agencia" ADD COLUMN     "horizonte_reserva_dias" INTEGER NOT NULL DEFAULT 730;

-- CreateTable
CREATE TABLE "limite_tasa" (
    "clave" TEXT NOT NULL,
    "inicio" TIMESTAMPTZ(3) NOT NULL,
    "conteo" INTEGER NOT NULL,

    CONSTRAINT "limite_tasa_pkey" PRIMARY KEY ("clave")
);
ALTER TABLE "configuracion_agencia" ADD CONSTRAINT "configuracion_horizonte_valido" CHECK ("horizonte_reserva_dias" BETWEEN 1 AND 3650);
