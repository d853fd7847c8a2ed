-- Each account keeps its open findings' counts by severity and its open rule ids (issue 15, decision 024):
-- the accounts table filters and sorts by them without scanning every finding of the organisation.
-- Derived data, kept by statement-level triggers on "Finding" from the statement's transition tables, so
-- every writer (recompute, accept, reopen, bulk load, cascade delete) keeps it without knowing of it.
-- The function bodies are E'' strings with \073 for the semicolon: Prisma's shadow database (db:drift)
-- splits a migration at every semicolon, dollar quotes included.
ALTER TABLE "SellerAccount" ADD COLUMN "openCritical" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "openHigh" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "openMedium" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "openLow" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "openRuleIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "SellerAccount_orgId_openCritical_openHigh_id_idx" ON "SellerAccount"("orgId", "openCritical", "openHigh", "id");
CREATE INDEX "SellerAccount_orgId_openHigh_idx" ON "SellerAccount"("orgId", "openHigh");
CREATE INDEX "SellerAccount_orgId_openMedium_idx" ON "SellerAccount"("orgId", "openMedium");
CREATE INDEX "SellerAccount_orgId_openLow_idx" ON "SellerAccount"("orgId", "openLow");
CREATE INDEX "SellerAccount_openRuleIds_idx" ON "SellerAccount" USING GIN ("openRuleIds");

-- Recounts the given accounts from "Finding". The rows are locked in id order first, so that of two
-- transactions changing one account's findings the second waits for the first to commit, and its count
-- (a new statement, a new snapshot) then includes the first's change. Unchanged rows are not rewritten.
CREATE FUNCTION gatehouse_refresh_open_findings(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN\073 END IF\073
  PERFORM 1 FROM "SellerAccount" WHERE id = ANY(ids) ORDER BY id FOR UPDATE\073
  UPDATE "SellerAccount" a
     SET "openCritical" = n.crit, "openHigh" = n.high, "openMedium" = n.med, "openLow" = n.low, "openRuleIds" = n.rules
    FROM (SELECT x.id,
                 count(f.id) FILTER (WHERE f.severity = ''critical'')::int AS crit,
                 count(f.id) FILTER (WHERE f.severity = ''high'')::int AS high,
                 count(f.id) FILTER (WHERE f.severity = ''medium'')::int AS med,
                 count(f.id) FILTER (WHERE f.severity = ''low'')::int AS low,
                 coalesce(array_agg(DISTINCT f."ruleId" ORDER BY f."ruleId") FILTER (WHERE f.id IS NOT NULL), ARRAY[]::TEXT[]) AS rules
            FROM unnest(ids) AS x(id)
            LEFT JOIN "Finding" f ON f."accountId" = x.id AND f.status = ''OPEN''
           GROUP BY x.id) n
   WHERE a.id = n.id
     AND (a."openCritical", a."openHigh", a."openMedium", a."openLow", a."openRuleIds")
         IS DISTINCT FROM (n.crit, n.high, n.med, n.low, n.rules)\073
END';

CREATE FUNCTION gatehouse_finding_inserted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM gatehouse_refresh_open_findings(ARRAY(SELECT DISTINCT "accountId" FROM new_rows WHERE status = ''OPEN''))\073
  RETURN NULL\073
END';

-- Only changes that move a finding into, out of or within the open counts.
CREATE FUNCTION gatehouse_finding_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM gatehouse_refresh_open_findings(ARRAY(
    SELECT o."accountId" FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (o.status = ''OPEN'' OR n.status = ''OPEN'')
       AND (o.status, o.severity, o."ruleId", o."accountId") IS DISTINCT FROM (n.status, n.severity, n."ruleId", n."accountId")
    UNION SELECT n."accountId" FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE o."accountId" <> n."accountId" AND n.status = ''OPEN''))\073
  RETURN NULL\073
END';

CREATE FUNCTION gatehouse_finding_deleted() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM gatehouse_refresh_open_findings(ARRAY(SELECT DISTINCT "accountId" FROM old_rows WHERE status = ''OPEN''))\073
  RETURN NULL\073
END';

CREATE TRIGGER finding_open_counts_insert AFTER INSERT ON "Finding"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_finding_inserted();
CREATE TRIGGER finding_open_counts_update AFTER UPDATE ON "Finding"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_finding_updated();
CREATE TRIGGER finding_open_counts_delete AFTER DELETE ON "Finding"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_finding_deleted();

-- Existing data.
SELECT gatehouse_refresh_open_findings(ARRAY(SELECT DISTINCT "accountId" FROM "Finding" WHERE status = 'OPEN'));
