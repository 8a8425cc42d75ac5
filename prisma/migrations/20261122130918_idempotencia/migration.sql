-- CreateTable
CREATE TABLE "clave_idempotencia" (
    "usuario_id" INTEGER NOT NULL,
    "clave" VARCHAR(255) NOT NULL,
    "huella" CHAR(64) NOT NULL,
    "respuesta" JSONB,
    "creada_en" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clave_idempotencia_pkey" PRIMARY KEY ("usuario_id","clave")
);

-- CreateIndex
CREATE INDEX "clave_idempotencia_creada_en_idx" ON "clave_idempotencia"("creada_en");
