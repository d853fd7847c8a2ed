-- Scheduled recurrences and reminders (issue 14, decision 020).
-- A recurring campaign's next one names the campaign it follows. The UNIQUE index is what makes starting
-- the next recurrence idempotent: a second start (a retried job, two workers at once) fails on it inside
-- its own transaction, which then writes nothing (lib/db/reviews/start-campaign.ts).
ALTER TABLE "ReviewCampaign" ADD COLUMN "previousCampaignId" TEXT;
CREATE UNIQUE INDEX "ReviewCampaign_previousCampaignId_key" ON "ReviewCampaign"("previousCampaignId");
ALTER TABLE "ReviewCampaign" ADD CONSTRAINT "ReviewCampaign_previousCampaignId_fkey" FOREIGN KEY ("previousCampaignId") REFERENCES "ReviewCampaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One overdue reminder to one member of one organisation per day: claimed before sending, as the digest's
-- delivery row is, so a retried job never mails twice. Tenant table under row-level security.
CREATE TABLE "ReminderDelivery" (
    "id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "items" INTEGER NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ReminderDelivery_orgId_userId_day_key" ON "ReminderDelivery"("orgId", "userId", "day");
CREATE INDEX "ReminderDelivery_userId_idx" ON "ReminderDelivery"("userId");

ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ReminderDelivery" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ReminderDelivery" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
