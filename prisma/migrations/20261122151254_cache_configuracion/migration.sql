-- DropIndex
DROP INDEX "notificacion_created_at_idx";

-- DropIndex
DROP INDEX "notificacion_leida_created_at_idx";

-- CreateTable
CREATE TABLE "version_configuracion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "version_configuracion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notificacion_created_at_id_idx" ON "notificacion"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "notificacion_leida_created_at_id_idx" ON "notificacion"("leida", "created_at" DESC, "id" DESC);

-- Every change to rules or agency settings, by any writer, bumps the version in the same
-- transaction and tells every listening app process once it commits.
INSERT INTO "version_configuracion" ("id", "version") VALUES (1, 0);

CREATE FUNCTION "configuracion_cambiada"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "version_configuracion" SET "version" = "version" + 1 WHERE "id" = 1;
  PERFORM pg_notify('configuracion_cambiada', '');
  RETURN NULL;
END $$;

CREATE TRIGGER "regla_reprogramacion_cambiada" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "regla_reprogramacion"
  FOR EACH STATEMENT EXECUTE FUNCTION "configuracion_cambiada"();
CREATE TRIGGER "configuracion_agencia_cambiada" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "configuracion_agencia"
  FOR EACH STATEMENT EXECUTE FUNCTION "configuracion_cambiada"();
