-- AlterTable
ALTER TABLE "entrega_notificacion" ADD COLUMN     "limite_intentos" INTEGER;
