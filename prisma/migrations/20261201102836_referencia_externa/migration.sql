-- AlterTable
ALTER TABLE "reserva" ADD COLUMN     "referencia_externa" TEXT;

-- CreateTable
CREATE TABLE "auditoria_reserva" (
    "id" SERIAL NOT NULL,
    "reserva_id" INTEGER NOT NULL,
    "actor_id" INTEGER NOT NULL,
    "cambios" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auditoria_reserva_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "auditoria_reserva_reserva_id_created_at_idx" ON "auditoria_reserva"("reserva_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "reserva_referencia_externa_key" ON "reserva"("referencia_externa");

-- AddForeignKey
ALTER TABLE "auditoria_reserva" ADD CONSTRAINT "auditoria_reserva_reserva_id_fkey" FOREIGN KEY ("reserva_id") REFERENCES "reserva"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auditoria_reserva" ADD CONSTRAINT "auditoria_reserva_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "usuario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
