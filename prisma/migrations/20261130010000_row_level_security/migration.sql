-- Row-level security on every tenant-owned table (every table with an "orgId" column): a row is
-- visible and writable only while the transaction's gatehouse.org_id setting names its organisation.
-- The data layer sets it from the signed-in user's scope and runs scoped queries as gatehouse_app
-- (lib/db/tenant.ts, lib/db/app-role.ts), which is not the tables' owner and has no BYPASSRLS;
-- system jobs (migrations, seeding, full recomputes) run as the owner. Unset or '' matches nothing.
ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Membership" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "MembershipClient" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "MembershipClient" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "Client" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Client" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "SellerAccount" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SellerAccount" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "Person" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Person" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "Login" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Login" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "LoginUser" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "LoginUser" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "Device" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Device" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "TwoStepMethod" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TwoStepMethod" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "PermissionGrant" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PermissionGrant" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "AuthorizedPartner" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AuthorizedPartner" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "AppAuthorization" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AppAuthorization" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "OtherAccess" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OtherAccess" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "Finding" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Finding" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "AccountScoreDaily" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AccountScoreDaily" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "AuditEvent" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AuditEvent" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "OffboardingTask" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OffboardingTask" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "SavedView" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SavedView" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Invitation" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "OutboxMail" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OutboxMail" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "AccessReview" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AccessReview" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
