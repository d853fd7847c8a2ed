-- Weekly digest (issue 14): a member's opt-out, and one delivery row per member, organisation and week,
-- written before the mail is sent so a retried job never mails twice (decision 020). The digest job
-- writes it as the owner, and like every table with an "orgId", it is a tenant table under row-level security.
ALTER TABLE "User" ADD COLUMN "digestOptOut" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "DigestDelivery" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "period" DATE NOT NULL,
    "items" INTEGER NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "DigestDelivery_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "DigestDelivery_orgId_userId_period_key" ON "DigestDelivery"("orgId", "userId", "period");
CREATE INDEX "DigestDelivery_userId_idx" ON "DigestDelivery"("userId");

ALTER TABLE "DigestDelivery" ADD CONSTRAINT "DigestDelivery_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DigestDelivery" ADD CONSTRAINT "DigestDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "DigestDelivery" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "DigestDelivery" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
