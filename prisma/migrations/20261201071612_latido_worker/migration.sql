-- CreateTable
CREATE TABLE "latido_worker" (
    "id" TEXT NOT NULL,
    "disposicion" TEXT NOT NULL,
    "sondeo_ms" INTEGER NOT NULL,
    "iniciado_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "latido_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ultima_busqueda_at" TIMESTAMPTZ(3),

    CONSTRAINT "latido_worker_pkey" PRIMARY KEY ("id")
);
