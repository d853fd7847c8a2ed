-- Scoped work now connects as a login role of its own (lib/db/app-role.ts, decision 011) that may read
-- two tables without an "orgId": Organization and User. Each gets a policy that keeps its rows to the
-- tenant of the connection (gatehouse.org_id), and system paths (the owner) are not subject to them. What the
-- role may do on each (column grants: never the password hash or two-factor keys) is granted at
-- start, per database, from lib/db/app-tables.ts.

-- An organisation sees its own row only.
ALTER TABLE "Organization" ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_organisation ON "Organization" USING ("id" = current_setting('gatehouse.org_id', true)) WITH CHECK ("id" = current_setting('gatehouse.org_id', true));

-- A user is visible to a tenant while a member of it or of a portal organisation of one of its clients
-- (portal members record access reviews on accounts of the agency). Membership and Client are read as
-- the owner of the function: under the policies of the caller the memberships of a portal organisation would be
-- invisible. The unique (userId, orgId) index answers the first test per user row.
CREATE FUNCTION gatehouse_user_in_tenant(uid text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
  SELECT EXISTS (
    SELECT 1 FROM "Membership" m
    WHERE m."userId" = uid
      AND (m."orgId" = current_setting('gatehouse.org_id', true)
           OR m."orgId" IN (SELECT c."portalOrgId" FROM "Client" c WHERE c."orgId" = current_setting('gatehouse.org_id', true) AND c."portalOrgId" IS NOT NULL)))
$fn$;
ALTER TABLE "User" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_members ON "User" FOR SELECT USING (gatehouse_user_in_tenant("id"));

-- The accounts search ran for any organisation named when the connection had no tenant set. Now only
-- sessions of the owner (system paths) may search without one, and every other session searches its tenant.
-- Inside a SECURITY DEFINER function current_user is the owner, session_user the one who connected.
CREATE OR REPLACE FUNCTION gatehouse_accounts_matching(org text, pattern text) RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$ SELECT a.id FROM "SellerAccount" a WHERE a."orgId" = org AND (org = current_setting('gatehouse.org_id', true) OR session_user = current_user) AND (a."storeName" ILIKE pattern OR a."sellerId" ILIKE pattern) UNION SELECT l."accountId" FROM "Login" l WHERE l."orgId" = org AND (org = current_setting('gatehouse.org_id', true) OR session_user = current_user) AND l.email ILIKE pattern $fn$;

-- Functions that run as their owner are not for every role on the server: a login of another database
-- on the same server could otherwise call them here. The role of scoped work is granted EXECUTE at start.
REVOKE EXECUTE ON FUNCTION gatehouse_accounts_matching(text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION gatehouse_user_in_tenant(text) FROM PUBLIC;
