-- The recompute reads an account's findings by ("orgId", "accountId"): without this index the planner
-- may combine the org-wide ("orgId", ...) index with the unique one and read every finding of the
-- organisation for one account.
-- CreateIndex
CREATE INDEX "Finding_orgId_accountId_idx" ON "Finding"("orgId", "accountId");
