-- CreateTable
CREATE TABLE "conteo_notificaciones" (
    "id" BIGSERIAL NOT NULL,
    "total" INTEGER NOT NULL,
    "no_leidas" INTEGER NOT NULL,

    CONSTRAINT "conteo_notificaciones_pkey" PRIMARY KEY ("id")
);

-- Each statement on notificacion appends its delta (transition tables: one row per statement, even
-- for "mark all as read"). Appending never waits on another writer, unlike one shared counter row.
CREATE FUNCTION "notificaciones_contadas"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "conteo_notificaciones" ("total", "no_leidas") SELECT count(*), count(*) FILTER (WHERE NOT "leida") FROM nuevas HAVING count(*) > 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "conteo_notificaciones" ("total", "no_leidas") SELECT -count(*), -count(*) FILTER (WHERE NOT "leida") FROM viejas HAVING count(*) > 0;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "conteo_notificaciones" ("total", "no_leidas")
      SELECT 0, d FROM (SELECT (SELECT count(*) FILTER (WHERE NOT "leida") FROM nuevas) - (SELECT count(*) FILTER (WHERE NOT "leida") FROM viejas) AS d) x WHERE d <> 0;
  ELSE -- TRUNCATE
    DELETE FROM "conteo_notificaciones";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "notificacion_insertada" AFTER INSERT ON "notificacion" REFERENCING NEW TABLE AS nuevas
  FOR EACH STATEMENT EXECUTE FUNCTION "notificaciones_contadas"();
CREATE TRIGGER "notificacion_borrada" AFTER DELETE ON "notificacion" REFERENCING OLD TABLE AS viejas
  FOR EACH STATEMENT EXECUTE FUNCTION "notificaciones_contadas"();
CREATE TRIGGER "notificacion_actualizada" AFTER UPDATE ON "notificacion" REFERENCING OLD TABLE AS viejas NEW TABLE AS nuevas
  FOR EACH STATEMENT EXECUTE FUNCTION "notificaciones_contadas"();
CREATE TRIGGER "notificacion_vaciada" AFTER TRUNCATE ON "notificacion"
  FOR EACH STATEMENT EXECUTE FUNCTION "notificaciones_contadas"();

INSERT INTO "conteo_notificaciones" ("total", "no_leidas") SELECT count(*), count(*) FILTER (WHERE NOT "leida") FROM "notificacion";
