-- CreateEnum
CREATE TYPE "EstadoEspera" AS ENUM ('ESPERANDO', 'OFERTADA', 'ACEPTADA', 'VENCIDA', 'RECHAZADA', 'RETIRADA');

-- AlterEnum
ALTER TYPE "CanalEntrega" ADD VALUE 'SMS';

-- AlterTable
ALTER TABLE "usuario" ADD COLUMN     "sms_activo" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "historial_reprogramacion" ADD COLUMN     "sms_enviado" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "entrega_notificacion" ADD COLUMN     "espera_id" INTEGER,
ALTER COLUMN "historial_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "correo_desarrollo" ADD COLUMN     "canal" "CanalEntrega" NOT NULL DEFAULT 'EMAIL';

-- CreateTable
CREATE TABLE "entrada_lista_espera" (
    "id" SERIAL NOT NULL,
    "reserva_id" INTEGER NOT NULL,
    "dia" DATE NOT NULL,
    "desde" TIMESTAMPTZ(3) NOT NULL,
    "hasta" TIMESTAMPTZ(3) NOT NULL,
    "estado" "EstadoEspera" NOT NULL DEFAULT 'ESPERANDO',
    "creado_por_id" INTEGER NOT NULL,
    "ofertada_at" TIMESTAMPTZ(3),
    "oferta_vence_at" TIMESTAMPTZ(3),
    "cerrada_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "entrada_lista_espera_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "entrada_lista_espera_dia_estado_id_idx" ON "entrada_lista_espera"("dia", "estado", "id");

-- CreateIndex
CREATE INDEX "entrada_lista_espera_reserva_id_idx" ON "entrada_lista_espera"("reserva_id");

-- CreateIndex
CREATE INDEX "entrega_notificacion_espera_id_idx" ON "entrega_notificacion"("espera_id");

-- AddForeignKey
ALTER TABLE "entrega_notificacion" ADD CONSTRAINT "entrega_notificacion_espera_id_fkey" FOREIGN KEY ("espera_id") REFERENCES "entrada_lista_espera"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entrada_lista_espera" ADD CONSTRAINT "entrada_lista_espera_reserva_id_fkey" FOREIGN KEY ("reserva_id") REFERENCES "reserva"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entrada_lista_espera" ADD CONSTRAINT "entrada_lista_espera_creado_por_id_fkey" FOREIGN KEY ("creado_por_id") REFERENCES "usuario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The history's audit trigger lets the new notification flag change too.
CREATE OR REPLACE FUNCTION "historial_solo_agregar"() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE notification_columns text[] := ARRAY['cliente_notificado', 'email_enviado', 'sms_enviado', 'push_enviado', 'fecha_notificacion']; BEGIN IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'historial_reprogramacion es de solo agregar'; END IF; IF (to_jsonb(NEW) - notification_columns) IS DISTINCT FROM (to_jsonb(OLD) - notification_columns) THEN RAISE EXCEPTION 'historial_reprogramacion: solo el estado de notificación puede cambiar'; END IF; RETURN NEW; END $$;

-- Hand-written below: constraints Prisma cannot express, the phone numbers' normal form, and the
-- triggers that hand a freed place to the waiting list whatever path freed it.

-- Stored numbers become E.164 (digits after the plus only).
UPDATE "usuario" SET "telefono" = regexp_replace("telefono", '[^0-9+]', '', 'g') WHERE "telefono" IS NOT NULL;

-- A delivery belongs to a reschedule or to a waiting-list offer.
ALTER TABLE "entrega_notificacion" ADD CONSTRAINT "entrega_notificacion_origen" CHECK ("historial_id" IS NOT NULL OR "espera_id" IS NOT NULL);

-- One active entry per reservation and day (closed entries stay as history).
CREATE UNIQUE INDEX "entrada_lista_espera_activa" ON "entrada_lista_espera" ("reserva_id", "dia") WHERE "estado" IN ('ESPERANDO', 'OFERTADA');
CREATE INDEX "entrada_lista_espera_esperando" ON "entrada_lista_espera" ("desde") WHERE "estado" = 'ESPERANDO';

-- Asks the worker to offer a day's free places to its line (job ofrecer_lugares, one pending per day).
-- Only days with someone waiting get a job.
CREATE FUNCTION lista_espera_revisar(p_dia date) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM entrada_lista_espera WHERE dia = p_dia AND estado = 'ESPERANDO') THEN
    PERFORM graphile_worker.add_job('ofrecer_lugares', json_build_object('dia', to_char(p_dia, 'YYYY-MM-DD')),
      job_key => 'ofrecer_lugares:' || to_char(p_dia, 'YYYY-MM-DD'), max_attempts => 5);
  END IF;
END $$;

-- A reservation that leaves a day (moved or cancelled) frees a place there; one that arrives on a day
-- it was waiting for closes that entry (accepted); a cancelled one leaves every line it was in.
CREATE FUNCTION reserva_lista_espera() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_dia date;
BEGIN
  IF OLD.estado <> 'CANCELADA' AND (NEW.fecha_inicio <> OLD.fecha_inicio OR NEW.estado = 'CANCELADA') THEN
    FOR v_dia IN SELECT DISTINCT dia FROM entrada_lista_espera
                 WHERE estado = 'ESPERANDO' AND OLD.fecha_inicio >= desde AND OLD.fecha_inicio < hasta LOOP
      PERFORM lista_espera_revisar(v_dia);
    END LOOP;
  END IF;
  IF NEW.estado = 'CANCELADA' AND OLD.estado <> 'CANCELADA' THEN
    UPDATE entrada_lista_espera SET estado = 'RETIRADA', cerrada_at = now()
    WHERE reserva_id = NEW.id AND estado IN ('ESPERANDO', 'OFERTADA');
  ELSIF NEW.fecha_inicio <> OLD.fecha_inicio THEN
    UPDATE entrada_lista_espera SET estado = 'ACEPTADA', cerrada_at = now()
    WHERE reserva_id = NEW.id AND estado IN ('ESPERANDO', 'OFERTADA') AND NEW.fecha_inicio >= desde AND NEW.fecha_inicio < hasta;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER reserva_lista_espera AFTER UPDATE OF fecha_inicio, estado ON "reserva"
  FOR EACH ROW EXECUTE FUNCTION reserva_lista_espera();

-- An offer that ends without being taken (expired, declined, withdrawn) frees its held place.
CREATE FUNCTION espera_oferta_cerrada() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.estado = 'OFERTADA' AND NEW.estado IN ('VENCIDA', 'RECHAZADA', 'RETIRADA') THEN
    PERFORM lista_espera_revisar(NEW.dia);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER espera_oferta_cerrada AFTER UPDATE OF estado ON "entrada_lista_espera"
  FOR EACH ROW EXECUTE FUNCTION espera_oferta_cerrada();

-- More places on a day (its own capacity, or the default) may serve its line.
CREATE FUNCTION capacidad_lista_espera() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lista_espera_revisar(CASE WHEN TG_OP = 'DELETE' THEN OLD.fecha ELSE NEW.fecha END);
  RETURN NULL;
END $$;
CREATE TRIGGER capacidad_lista_espera AFTER INSERT OR UPDATE OR DELETE ON "capacidad_fecha"
  FOR EACH ROW EXECUTE FUNCTION capacidad_lista_espera();

CREATE FUNCTION capacidad_defecto_lista_espera() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_dia date;
BEGIN
  IF NEW.capacidad_diaria_por_defecto > OLD.capacidad_diaria_por_defecto THEN
    FOR v_dia IN SELECT DISTINCT dia FROM entrada_lista_espera WHERE estado = 'ESPERANDO' LOOP
      PERFORM lista_espera_revisar(v_dia);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER capacidad_defecto_lista_espera AFTER UPDATE OF capacidad_diaria_por_defecto ON "configuracion_agencia"
  FOR EACH ROW EXECUTE FUNCTION capacidad_defecto_lista_espera();
