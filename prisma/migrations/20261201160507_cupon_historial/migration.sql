-- CreateIndex
CREATE INDEX "cupon_historial_id_idx" ON "cupon"("historial_id");
