-- AlterEnum
ALTER TYPE "OffboardingTaskKind" ADD VALUE 'PRIMARY_HANDOVER';

-- AlterTable
ALTER TABLE "OffboardingTask" ADD COLUMN     "handedToId" TEXT,
ADD COLUMN     "undo" JSONB;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "departedAtBeforeOffboarding" TIMESTAMPTZ(3),
ADD COLUMN     "offboardingStartedAt" TIMESTAMPTZ(3);

-- AddForeignKey
ALTER TABLE "OffboardingTask" ADD CONSTRAINT "OffboardingTask_handedToId_fkey" FOREIGN KEY ("handedToId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

