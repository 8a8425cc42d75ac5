-- AlterTable
ALTER TABLE "correo_desarrollo" ADD COLUMN     "adjuntos" JSONB NOT NULL DEFAULT '[]';
