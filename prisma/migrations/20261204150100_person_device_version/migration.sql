-- Optimistic locking for people and devices edited by hand (a stale form is refused with the current values).
-- AlterTable
ALTER TABLE "Device" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
