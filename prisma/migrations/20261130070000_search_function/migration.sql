-- The accounts table's search ("store name, seller id or a login's e-mail contains …") as one function.
-- Row-level security evaluates a table's policy before any non-leakproof condition (ILIKE is not
-- leakproof), which keeps the trigram index on Login.email from being used by the app's role. The
-- function runs as its owner (SECURITY DEFINER) and applies the tenant rule itself: only the given
-- organisation, and only if it is the connection's gatehouse.org_id whenever that is set (scoped
-- connections always set it, the owner's system connections never do).
CREATE FUNCTION gatehouse_accounts_matching(org text, pattern text) RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$ SELECT a.id FROM "SellerAccount" a WHERE a."orgId" = org AND org = coalesce(current_setting('gatehouse.org_id', true), org) AND (a."storeName" ILIKE pattern OR a."sellerId" ILIKE pattern) UNION SELECT l."accountId" FROM "Login" l WHERE l."orgId" = org AND org = coalesce(current_setting('gatehouse.org_id', true), org) AND l.email ILIKE pattern $fn$;
