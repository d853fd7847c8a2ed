-- First run without the demo: the setup link's token (hash only) and optimistic locking on clients.
-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'ja';

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "SetupToken" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SetupToken_pkey" PRIMARY KEY ("id")
);
