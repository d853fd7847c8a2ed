-- Client and account reports (issue 12, decision 017): the produced file kept with its hash.
-- CreateEnum
CREATE TYPE "ReportFormat" AS ENUM ('PDF', 'XLSX', 'CSV');

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "clientId" TEXT,
    "accountId" TEXT,
    "title" TEXT NOT NULL,
    "format" "ReportFormat" NOT NULL,
    "locale" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "summary" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Report_orgId_clientId_createdAt_idx" ON "Report"("orgId", "clientId", "createdAt");

-- CreateIndex
CREATE INDEX "Report_orgId_accountId_createdAt_idx" ON "Report"("orgId", "accountId", "createdAt");

-- Row-level security, as on every tenant-owned table (20261130010000_row_level_security).
ALTER TABLE "Report" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Report" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
