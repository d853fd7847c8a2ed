-- The concurrent edit of the unchanged re-import (issue 16, decision 032, stop 28). An app write that
-- committed while an import ran, to an account that import found unchanged, cleared the digest to NULL, and
-- the import then stored it again over the edit. Now every other writer leaves a mark that names its own
-- transaction, cleared: followed by pg_current_xact_id, instead of NULL, whatever the digest was (NULL
-- included), and the import stores a digest only where the value is still the one it read before planning
-- (lib/db/bulk-import/digest.ts). A mark of its own is unique per writing transaction, so a second clear
-- after a first is still a change of the value (a constant mark would not show it). The import
-- transaction itself, whose Person writes still fire the Person trigger, keeps a mark left by another
-- transaction and otherwise writes its own, which it accepts as unchanged.
-- No semicolon or quote in these comments, and function bodies as E-quoted strings with \073 for the
-- semicolon: the Prisma shadow database (db:drift) splits a migration at every semicolon.

CREATE OR REPLACE FUNCTION gatehouse_import_digest_account() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."importDigest" := ''cleared:'' || pg_current_xact_id()::text\073
  RETURN NEW\073
END';

CREATE OR REPLACE FUNCTION gatehouse_import_digest_login() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  mark text := ''cleared:'' || pg_current_xact_id()::text\073
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    UPDATE "SellerAccount" SET "importDigest" = mark WHERE id = OLD."accountId" AND "importDigest" IS DISTINCT FROM mark\073
  END IF\073
  IF TG_OP <> ''DELETE'' THEN
    UPDATE "SellerAccount" SET "importDigest" = mark WHERE id = NEW."accountId" AND "importDigest" IS DISTINCT FROM mark\073
  END IF\073
  RETURN NULL\073
END';

CREATE OR REPLACE FUNCTION gatehouse_import_digest_login_child() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  mark text := ''cleared:'' || pg_current_xact_id()::text\073
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    UPDATE "SellerAccount" a SET "importDigest" = mark FROM "Login" l
     WHERE l.id = OLD."loginId" AND a.id = l."accountId" AND a."importDigest" IS DISTINCT FROM mark\073
  END IF\073
  IF TG_OP <> ''DELETE'' THEN
    UPDATE "SellerAccount" a SET "importDigest" = mark FROM "Login" l
     WHERE l.id = NEW."loginId" AND a.id = l."accountId" AND a."importDigest" IS DISTINCT FROM mark\073
  END IF\073
  RETURN NULL\073
END';

-- Fires on the writes of an import too: there a mark of another transaction stays (the import must not
-- store over it), and any other value becomes the import own mark.
CREATE OR REPLACE FUNCTION gatehouse_import_digest_person() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  mark text := ''cleared:'' || pg_current_xact_id()::text\073
  importing boolean := coalesce(current_setting(''gatehouse.import_writing'', true), '''') = ''on''\073
BEGIN
  UPDATE "SellerAccount" a SET "importDigest" = mark
   WHERE a.id IN (SELECT l."accountId" FROM "Login" l WHERE l."orgId" = OLD."orgId" AND l."personId" = OLD.id)
     AND a."importDigest" IS DISTINCT FROM mark
     AND NOT (importing AND a."importDigest" LIKE ''cleared:%'')\073
  RETURN NULL\073
END';

-- The account trigger now also marks an account that holds no digest (NULL): the import compares.
DROP TRIGGER seller_account_import_digest ON "SellerAccount";
CREATE TRIGGER seller_account_import_digest BEFORE UPDATE ON "SellerAccount" FOR EACH ROW
  WHEN (NEW."importDigest" IS NOT DISTINCT FROM OLD."importDigest"
        AND coalesce(current_setting('gatehouse.import_writing', true), '') <> 'on'
        AND (OLD."externalId", OLD."storeName", OLD."sellerId", OLD.region, OLD.marketplaces, OLD.plan, OLD.status, OLD."lastVerifiedAt")
            IS DISTINCT FROM (NEW."externalId", NEW."storeName", NEW."sellerId", NEW.region, NEW.marketplaces, NEW.plan, NEW.status, NEW."lastVerifiedAt"))
  EXECUTE FUNCTION gatehouse_import_digest_account();
