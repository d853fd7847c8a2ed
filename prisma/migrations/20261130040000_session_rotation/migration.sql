-- Session rotation: a rotated session names the session that replaced it.
-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "replacedById" TEXT;

