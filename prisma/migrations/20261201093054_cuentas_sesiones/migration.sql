-- CreateEnum
CREATE TYPE "PropositoEnlace" AS ENUM ('INVITACION', 'RECUPERACION', 'ACCESO', 'GESTION');

-- AlterTable
ALTER TABLE "usuario" ALTER COLUMN "password_hash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "entrega_notificacion" ADD COLUMN     "enlace_id" INTEGER,
ADD COLUMN     "usuario_id" INTEGER;

-- CreateTable
CREATE TABLE "enlace_acceso" (
    "id" SERIAL NOT NULL,
    "proposito" "PropositoEnlace" NOT NULL,
    "usuario_id" INTEGER NOT NULL,
    "reserva_id" INTEGER,
    "hash" CHAR(64),
    "vence_at" TIMESTAMPTZ(3) NOT NULL,
    "usado_at" TIMESTAMPTZ(3),
    "revocado_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enlace_acceso_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sesion" (
    "id" SERIAL NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "usuario_id" INTEGER NOT NULL,
    "reserva_id" INTEGER,
    "creada_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "vence_at" TIMESTAMPTZ(3) NOT NULL,
    "cerrada_at" TIMESTAMPTZ(3),
    "motivo_cierre" TEXT,

    CONSTRAINT "sesion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auditoria_usuario" (
    "id" SERIAL NOT NULL,
    "usuario_id" INTEGER NOT NULL,
    "actor_id" INTEGER,
    "accion" TEXT NOT NULL,
    "cambios" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auditoria_usuario_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "enlace_acceso_hash_key" ON "enlace_acceso"("hash");

-- CreateIndex
CREATE INDEX "enlace_acceso_usuario_id_proposito_idx" ON "enlace_acceso"("usuario_id", "proposito");

-- CreateIndex
CREATE INDEX "enlace_acceso_reserva_id_idx" ON "enlace_acceso"("reserva_id");

-- CreateIndex
CREATE UNIQUE INDEX "sesion_hash_key" ON "sesion"("hash");

-- CreateIndex
CREATE INDEX "sesion_usuario_id_idx" ON "sesion"("usuario_id");

-- CreateIndex
CREATE INDEX "sesion_vence_at_idx" ON "sesion"("vence_at");

-- CreateIndex
CREATE INDEX "auditoria_usuario_usuario_id_created_at_idx" ON "auditoria_usuario"("usuario_id", "created_at");

-- CreateIndex
CREATE INDEX "entrega_notificacion_usuario_id_idx" ON "entrega_notificacion"("usuario_id");

-- CreateIndex
CREATE INDEX "entrega_notificacion_enlace_id_idx" ON "entrega_notificacion"("enlace_id");

-- AddForeignKey
ALTER TABLE "entrega_notificacion" ADD CONSTRAINT "entrega_notificacion_usuario_id_fkey" FOREIGN KEY ("usuario_id") REFERENCES "usuario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entrega_notificacion" ADD CONSTRAINT "entrega_notificacion_enlace_id_fkey" FOREIGN KEY ("enlace_id") REFERENCES "enlace_acceso"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enlace_acceso" ADD CONSTRAINT "enlace_acceso_usuario_id_fkey" FOREIGN KEY ("usuario_id") REFERENCES "usuario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enlace_acceso" ADD CONSTRAINT "enlace_acceso_reserva_id_fkey" FOREIGN KEY ("reserva_id") REFERENCES "reserva"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sesion" ADD CONSTRAINT "sesion_usuario_id_fkey" FOREIGN KEY ("usuario_id") REFERENCES "usuario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auditoria_usuario" ADD CONSTRAINT "auditoria_usuario_usuario_id_fkey" FOREIGN KEY ("usuario_id") REFERENCES "usuario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auditoria_usuario" ADD CONSTRAINT "auditoria_usuario_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "usuario"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Emails are unique regardless of case ("Ana@x.bo" and "ana@x.bo" are one person).
CREATE UNIQUE INDEX "usuario_email_lower_key" ON "usuario" (lower("email"));

-- A delivery belongs to a reschedule, a waiting-list offer, or (new) an account email.
ALTER TABLE "entrega_notificacion" DROP CONSTRAINT "entrega_notificacion_origen";
ALTER TABLE "entrega_notificacion" ADD CONSTRAINT "entrega_notificacion_origen" CHECK ("historial_id" IS NOT NULL OR "espera_id" IS NOT NULL OR "usuario_id" IS NOT NULL);
