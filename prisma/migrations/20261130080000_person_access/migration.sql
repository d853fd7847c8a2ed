-- How much access each person holds, kept by every write that changes who holds what (lib/db/person-access.ts).
-- Filled for existing data at start-up (backfillPersonAccess), which needs the application's own SQL.
-- CreateTable
CREATE TABLE "PersonAccess" (
    "personId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "activeLogins" INTEGER NOT NULL,
    "adminLogins" INTEGER NOT NULL,
    "accounts" INTEGER NOT NULL,
    "devices" INTEGER NOT NULL,

    CONSTRAINT "PersonAccess_pkey" PRIMARY KEY ("personId")
);

-- CreateIndex
CREATE INDEX "PersonAccess_orgId_adminLogins_activeLogins_accounts_device_idx" ON "PersonAccess"("orgId", "adminLogins" DESC, "activeLogins" DESC, "accounts" DESC, "devices" DESC);

-- AddForeignKey
ALTER TABLE "PersonAccess" ADD CONSTRAINT "PersonAccess_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security, as on every tenant-owned table (20261130010000_row_level_security).
ALTER TABLE "PersonAccess" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PersonAccess" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
