-- AlterTable
ALTER TABLE "entrega_notificacion" ADD COLUMN     "codigo_proveedor" TEXT,
ADD COLUMN     "estado_proveedor" TEXT,
ADD COLUMN     "estado_proveedor_at" TIMESTAMPTZ(3);
