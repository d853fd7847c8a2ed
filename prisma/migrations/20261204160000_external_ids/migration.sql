-- External ids: every record that can come from a snapshot keeps the id it had there (shared/API.md,
-- "Identity of records"). Records made in the UI get a generated one from the column's default, so no
-- other writer needs to know about it. Existing rows keep their own database id as their external id:
-- it is already stable and unique, and nothing outside knew them by another one.
-- Unique within the organisation (accounts, people, devices) or within the account (logins, partners,
-- apps), as in a snapshot. Row-level security needs nothing new: these tables already carry "orgId"
-- and their tenant_isolation policy covers every column.

ALTER TABLE "SellerAccount" ADD COLUMN "externalId" TEXT;
UPDATE "SellerAccount" SET "externalId" = id;
ALTER TABLE "SellerAccount" ALTER COLUMN "externalId" SET NOT NULL, ALTER COLUMN "externalId" SET DEFAULT (gen_random_uuid())::text;
CREATE UNIQUE INDEX "SellerAccount_orgId_externalId_key" ON "SellerAccount"("orgId", "externalId");

ALTER TABLE "Person" ADD COLUMN "externalId" TEXT;
UPDATE "Person" SET "externalId" = id;
ALTER TABLE "Person" ALTER COLUMN "externalId" SET NOT NULL, ALTER COLUMN "externalId" SET DEFAULT (gen_random_uuid())::text;
CREATE UNIQUE INDEX "Person_orgId_externalId_key" ON "Person"("orgId", "externalId");

ALTER TABLE "Device" ADD COLUMN "externalId" TEXT;
UPDATE "Device" SET "externalId" = id;
ALTER TABLE "Device" ALTER COLUMN "externalId" SET NOT NULL, ALTER COLUMN "externalId" SET DEFAULT (gen_random_uuid())::text;
CREATE UNIQUE INDEX "Device_orgId_externalId_key" ON "Device"("orgId", "externalId");

ALTER TABLE "Login" ADD COLUMN "externalId" TEXT;
UPDATE "Login" SET "externalId" = id;
ALTER TABLE "Login" ALTER COLUMN "externalId" SET NOT NULL, ALTER COLUMN "externalId" SET DEFAULT (gen_random_uuid())::text;
CREATE UNIQUE INDEX "Login_accountId_externalId_key" ON "Login"("accountId", "externalId");

ALTER TABLE "AuthorizedPartner" ADD COLUMN "externalId" TEXT;
UPDATE "AuthorizedPartner" SET "externalId" = id;
ALTER TABLE "AuthorizedPartner" ALTER COLUMN "externalId" SET NOT NULL, ALTER COLUMN "externalId" SET DEFAULT (gen_random_uuid())::text;
CREATE UNIQUE INDEX "AuthorizedPartner_accountId_externalId_key" ON "AuthorizedPartner"("accountId", "externalId");

ALTER TABLE "AppAuthorization" ADD COLUMN "externalId" TEXT;
UPDATE "AppAuthorization" SET "externalId" = id;
ALTER TABLE "AppAuthorization" ALTER COLUMN "externalId" SET NOT NULL, ALTER COLUMN "externalId" SET DEFAULT (gen_random_uuid())::text;
CREATE UNIQUE INDEX "AppAuthorization_accountId_externalId_key" ON "AppAuthorization"("accountId", "externalId");
