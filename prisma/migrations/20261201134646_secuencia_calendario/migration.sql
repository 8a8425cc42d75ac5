-- AlterTable
ALTER TABLE "reserva" ADD COLUMN     "cambios" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "historial_reprogramacion" ADD COLUMN     "secuencia" INTEGER NOT NULL DEFAULT 0;

-- Existing reservations: one change per history entry so far, in order (the append-only guard is
-- lifted for this backfill of a new column only).
ALTER TABLE "historial_reprogramacion" DISABLE TRIGGER "historial_solo_agregar";
UPDATE "historial_reprogramacion" h SET "secuencia" = n.n
FROM (SELECT id, row_number() OVER (PARTITION BY reserva_id ORDER BY id) AS n FROM "historial_reprogramacion") n WHERE n.id = h.id;
ALTER TABLE "historial_reprogramacion" ENABLE TRIGGER "historial_solo_agregar";
UPDATE "reserva" r SET "cambios" = c.n
FROM (SELECT reserva_id, count(*)::int AS n FROM "historial_reprogramacion" GROUP BY reserva_id) c WHERE c.reserva_id = r.id;
