-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('APPROVED', 'REMOVE_REQUESTED');

-- CreateTable
CREATE TABLE "AccessReview" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "loginId" TEXT NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "note" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccessReview_orgId_accountId_decidedAt_idx" ON "AccessReview"("orgId", "accountId", "decidedAt");

