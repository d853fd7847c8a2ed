-- The accounts table's unfiltered total, kept on write (decision 048): the page counted every account of the
-- organisation on each view (10,000 index entries, 2.1 ms of PostgreSQL per page), as the people list did
-- before PersonCount (decision 035).

-- CreateTable
CREATE TABLE "AccountCount" (
    "orgId" TEXT NOT NULL,
    "accounts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AccountCount_pkey" PRIMARY KEY ("orgId")
);

-- Row-level security, as on every tenant-owned table (20261130010000_row_level_security).
ALTER TABLE "AccountCount" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AccountCount" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));

-- Accounts per organisation, kept by statement-level triggers on SellerAccount (insert, delete) and a row-level
-- one on the rare change of an account's organisation. Two transactions adding accounts to one organisation
-- both count: the second's upsert waits on the first's row lock and then adds to the committed value.
CREATE FUNCTION gatehouse_account_count_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "AccountCount" ("orgId", accounts)
    SELECT "orgId", count(*)::int FROM new_rows GROUP BY "orgId" ORDER BY "orgId"
    ON CONFLICT ("orgId") DO UPDATE SET accounts = "AccountCount".accounts + excluded.accounts\073
  ELSE
    UPDATE "AccountCount" c SET accounts = c.accounts - d.n
      FROM (SELECT "orgId", count(*)::int AS n FROM old_rows GROUP BY "orgId") d WHERE c."orgId" = d."orgId"\073
  END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION gatehouse_account_moved() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "AccountCount" SET accounts = accounts - 1 WHERE "orgId" = OLD."orgId"\073
  INSERT INTO "AccountCount" ("orgId", accounts) VALUES (NEW."orgId", 1)
  ON CONFLICT ("orgId") DO UPDATE SET accounts = "AccountCount".accounts + 1\073
  RETURN NULL\073
END';

-- The triggers first: creating them locks SellerAccount against writes until this migration commits, so the
-- count below sees every account and no write slips between it and the triggers.
CREATE TRIGGER account_count_insert AFTER INSERT ON "SellerAccount"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_account_count_changed();
CREATE TRIGGER account_count_delete AFTER DELETE ON "SellerAccount"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_account_count_changed();
CREATE TRIGGER account_count_moved AFTER UPDATE OF "orgId" ON "SellerAccount"
  FOR EACH ROW WHEN (OLD."orgId" IS DISTINCT FROM NEW."orgId") EXECUTE FUNCTION gatehouse_account_moved();

-- Existing data.
INSERT INTO "AccountCount" ("orgId", accounts) SELECT "orgId", count(*)::int FROM "SellerAccount" GROUP BY "orgId";
