-- "Can't log in" triage sessions (issue 13, decision 019): one row per walk through the checklist.
-- CreateTable
CREATE TABLE "TriageSession" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "loginId" TEXT,
    "outcome" TEXT NOT NULL,
    "cause" TEXT,
    "note" TEXT,
    "answers" JSONB NOT NULL,
    "shownSteps" JSONB NOT NULL,
    "taskRequested" BOOLEAN NOT NULL DEFAULT false,
    "taskId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TriageSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TriageSession_orgId_accountId_createdAt_idx" ON "TriageSession"("orgId", "accountId", "createdAt");

-- Row-level security, as on every tenant-owned table (20261130010000_row_level_security).
ALTER TABLE "TriageSession" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TriageSession" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
