-- Access review campaigns and remediation tasks (issue 13, decision 018). The per-login access reviews
-- (AccessReview) become one completed campaign per organisation, then the old table goes: one way to review.

-- CreateEnum
CREATE TYPE "ReviewCampaignStatus" AS ENUM ('OPEN', 'COMPLETED');
CREATE TYPE "ReviewRecurrence" AS ENUM ('NONE', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL');
CREATE TYPE "ReviewItemKind" AS ENUM ('LOGIN', 'PARTNER', 'APP', 'OTHER_ACCESS');
CREATE TYPE "ReviewItemDecision" AS ENUM ('KEEP', 'REDUCE', 'REMOVE');
CREATE TYPE "RemediationTaskKind" AS ENUM ('REMOVE_LOGIN', 'REDUCE_LOGIN', 'REMOVE_PARTNER', 'REMOVE_APP', 'REMOVE_OTHER_ACCESS', 'REDUCE_OTHER_ACCESS', 'FINDING', 'TRIAGE');
CREATE TYPE "RemediationTaskStatus" AS ENUM ('OPEN', 'SATISFIED', 'CLOSED');

-- CreateTable
CREATE TABLE "ReviewCampaign" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "clientIds" TEXT[],
    "accountIds" TEXT[],
    "reviewerIds" TEXT[],
    "dueOn" DATE NOT NULL,
    "recurrence" "ReviewRecurrence" NOT NULL DEFAULT 'NONE',
    "status" "ReviewCampaignStatus" NOT NULL DEFAULT 'OPEN',
    "portalClientId" TEXT,
    "startedById" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReviewCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewItem" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" "ReviewItemKind" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "personId" TEXT,
    "personEmail" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "reviewerId" TEXT,
    "decision" "ReviewItemDecision",
    "target" JSONB,
    "comment" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "taskId" TEXT,

    CONSTRAINT "ReviewItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemediationTask" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" "RemediationTaskKind" NOT NULL,
    "subjectId" TEXT,
    "subjectLabel" TEXT NOT NULL,
    "target" JSONB,
    "url" TEXT NOT NULL,
    "assigneeId" TEXT,
    "dueOn" DATE NOT NULL,
    "status" "RemediationTaskStatus" NOT NULL DEFAULT 'OPEN',
    "reviewItemId" TEXT,
    "findingId" TEXT,
    "ruleId" TEXT,
    "triageSessionId" TEXT,
    "note" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "closedById" TEXT,
    "closeNote" TEXT,

    CONSTRAINT "RemediationTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewCampaign_orgId_status_dueOn_idx" ON "ReviewCampaign"("orgId", "status", "dueOn");
CREATE INDEX "ReviewItem_orgId_campaignId_accountId_idx" ON "ReviewItem"("orgId", "campaignId", "accountId");
CREATE INDEX "ReviewItem_orgId_reviewerId_decision_idx" ON "ReviewItem"("orgId", "reviewerId", "decision");
CREATE INDEX "ReviewItem_orgId_accountId_kind_subjectId_idx" ON "ReviewItem"("orgId", "accountId", "kind", "subjectId");
CREATE INDEX "RemediationTask_orgId_status_dueOn_idx" ON "RemediationTask"("orgId", "status", "dueOn");
CREATE INDEX "RemediationTask_orgId_accountId_status_idx" ON "RemediationTask"("orgId", "accountId", "status");
CREATE INDEX "RemediationTask_orgId_assigneeId_status_idx" ON "RemediationTask"("orgId", "assigneeId", "status");

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "ReviewCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as on every tenant-owned table (20261130010000_row_level_security).
ALTER TABLE "ReviewCampaign" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ReviewCampaign" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "ReviewItem" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ReviewItem" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "RemediationTask" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "RemediationTask" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));

-- The per-login reviews: one completed campaign per organisation that has any, one item per recorded
-- decision (history kept: a login reviewed twice has two items). APPROVED → KEEP, REMOVE_REQUESTED → REMOVE.
-- No remediation task is opened for old removal requests: they predate tasks (decision 018).
-- The campaign's id is derived from the organisation's, so the items can name it without a temporary table.
INSERT INTO "ReviewCampaign" ("id", "orgId", "name", "clientIds", "accountIds", "reviewerIds", "dueOn", "recurrence", "status", "startedById", "startedAt", "completedAt")
SELECT md5('access-review:' || ar."orgId")::uuid::text, ar."orgId", 'Per-login access reviews (before campaigns)', '{}',
       array_agg(DISTINCT ar."accountId"), array_agg(DISTINCT ar."decidedById"),
       (max(ar."decidedAt") AT TIME ZONE 'UTC')::date, 'NONE', 'COMPLETED',
       (array_agg(ar."decidedById" ORDER BY ar."decidedAt", ar.id))[1], min(ar."decidedAt"), max(ar."decidedAt")
FROM "AccessReview" ar GROUP BY ar."orgId";

INSERT INTO "ReviewItem" ("id", "orgId", "campaignId", "accountId", "kind", "subjectId", "label", "personId", "personEmail", "detail", "reviewerId", "decision", "comment", "decidedById", "decidedAt")
SELECT ar.id, ar."orgId", md5('access-review:' || ar."orgId")::uuid::text, ar."accountId", 'LOGIN', ar."loginId",
       coalesce(l.email, p.name, ar."loginId"), l."personId", p.email,
       jsonb_build_object('migrated', true, 'role', l.role, 'status', l.status),
       ar."decidedById",
       CASE ar.decision WHEN 'APPROVED' THEN 'KEEP'::"ReviewItemDecision" ELSE 'REMOVE'::"ReviewItemDecision" END,
       ar.note, ar."decidedById", ar."decidedAt"
FROM "AccessReview" ar
LEFT JOIN "Login" l ON l.id = ar."loginId" AND l."orgId" = ar."orgId"
LEFT JOIN "Person" p ON p.id = l."personId" AND p."orgId" = ar."orgId";

-- DropTable
DROP TABLE "AccessReview";

-- DropEnum
DROP TYPE "ReviewDecision";
