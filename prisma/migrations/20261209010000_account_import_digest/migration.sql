-- A large import remembers, per account, a digest of the file cells it last imported for that account
-- (issue 16, decision 032): the same file again is then told by reading it once and comparing digests,
-- instead of staging and comparing every row. The digest stands for: what is stored is what these cells
-- import to. So every change of what the import reads (the account fields, its logins, their 2SV
-- methods, permissions and users, the people of the logins) clears it, whoever writes it: row triggers.
-- The writes of the import itself skip them (it writes the digests of its accounts afterwards, in the
-- same transaction) by set_config(gatehouse.import_writing, on, true), tested in a WHEN clause, so a
-- skipped row costs no function call (a first 500,000-row import writes ~2.4 million child rows). The
-- Person trigger is never skipped: one person appears in the cells of many accounts, and an import of
-- one file may change a person whom the accounts of another file name.
-- Not covered, on purpose: partners and app authorisations (the logins import neither reads nor writes
-- them), Device rows (plan.ts never compares one: a method keeps the device of the stored method, and
-- the deviceId of a method is covered), scores and findings (derived: the nightly recompute must not
-- clear digests).
-- No semicolon or quote in these comments, and function bodies as E-quoted strings with \073 for the
-- semicolon: the Prisma shadow database (db:drift) splits a migration at every semicolon, comments and
-- dollar quotes included.
ALTER TABLE "SellerAccount" ADD COLUMN "importDigest" TEXT;

CREATE FUNCTION gatehouse_import_digest_account() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."importDigest" := NULL\073
  RETURN NEW\073
END';

CREATE FUNCTION gatehouse_import_digest_login() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    UPDATE "SellerAccount" SET "importDigest" = NULL WHERE id = OLD."accountId" AND "importDigest" IS NOT NULL\073
  END IF\073
  IF TG_OP <> ''DELETE'' THEN
    UPDATE "SellerAccount" SET "importDigest" = NULL WHERE id = NEW."accountId" AND "importDigest" IS NOT NULL\073
  END IF\073
  RETURN NULL\073
END';

-- TwoStepMethod, PermissionGrant, LoginUser: the account of the login of the row.
CREATE FUNCTION gatehouse_import_digest_login_child() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    UPDATE "SellerAccount" a SET "importDigest" = NULL FROM "Login" l
     WHERE l.id = OLD."loginId" AND a.id = l."accountId" AND a."importDigest" IS NOT NULL\073
  END IF\073
  IF TG_OP <> ''DELETE'' THEN
    UPDATE "SellerAccount" a SET "importDigest" = NULL FROM "Login" l
     WHERE l.id = NEW."loginId" AND a.id = l."accountId" AND a."importDigest" IS NOT NULL\073
  END IF\073
  RETURN NULL\073
END';

-- Every account with a login of the person.
CREATE FUNCTION gatehouse_import_digest_person() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "SellerAccount" a SET "importDigest" = NULL
   WHERE a.id IN (SELECT l."accountId" FROM "Login" l WHERE l."orgId" = OLD."orgId" AND l."personId" = OLD.id) AND a."importDigest" IS NOT NULL\073
  RETURN NULL\073
END';

CREATE TRIGGER seller_account_import_digest BEFORE UPDATE ON "SellerAccount" FOR EACH ROW
  WHEN (OLD."importDigest" IS NOT NULL AND NEW."importDigest" IS NOT DISTINCT FROM OLD."importDigest"
        AND coalesce(current_setting('gatehouse.import_writing', true), '') <> 'on'
        AND (OLD."externalId", OLD."storeName", OLD."sellerId", OLD.region, OLD.marketplaces, OLD.plan, OLD.status, OLD."lastVerifiedAt")
            IS DISTINCT FROM (NEW."externalId", NEW."storeName", NEW."sellerId", NEW.region, NEW.marketplaces, NEW.plan, NEW.status, NEW."lastVerifiedAt"))
  EXECUTE FUNCTION gatehouse_import_digest_account();

CREATE TRIGGER login_import_digest_write AFTER INSERT OR DELETE ON "Login" FOR EACH ROW
  WHEN (coalesce(current_setting('gatehouse.import_writing', true), '') <> 'on')
  EXECUTE FUNCTION gatehouse_import_digest_login();
CREATE TRIGGER login_import_digest_update AFTER UPDATE ON "Login" FOR EACH ROW
  WHEN (coalesce(current_setting('gatehouse.import_writing', true), '') <> 'on'
        AND (OLD."accountId", OLD."externalId", OLD.role, OLD.email, OLD."personId", OLD.status, OLD."invitedAt", OLD."acceptedAt", OLD."lastLoginAt", OLD."passwordChangedAt", OLD."passwordReused")
            IS DISTINCT FROM (NEW."accountId", NEW."externalId", NEW.role, NEW.email, NEW."personId", NEW.status, NEW."invitedAt", NEW."acceptedAt", NEW."lastLoginAt", NEW."passwordChangedAt", NEW."passwordReused"))
  EXECUTE FUNCTION gatehouse_import_digest_login();

CREATE TRIGGER two_step_method_import_digest AFTER INSERT OR UPDATE OR DELETE ON "TwoStepMethod" FOR EACH ROW
  WHEN (coalesce(current_setting('gatehouse.import_writing', true), '') <> 'on')
  EXECUTE FUNCTION gatehouse_import_digest_login_child();
CREATE TRIGGER permission_grant_import_digest AFTER INSERT OR UPDATE OR DELETE ON "PermissionGrant" FOR EACH ROW
  WHEN (coalesce(current_setting('gatehouse.import_writing', true), '') <> 'on')
  EXECUTE FUNCTION gatehouse_import_digest_login_child();
CREATE TRIGGER login_user_import_digest AFTER INSERT OR UPDATE OR DELETE ON "LoginUser" FOR EACH ROW
  WHEN (coalesce(current_setting('gatehouse.import_writing', true), '') <> 'on')
  EXECUTE FUNCTION gatehouse_import_digest_login_child();

CREATE TRIGGER person_import_digest_update AFTER UPDATE ON "Person" FOR EACH ROW
  WHEN ((OLD."externalId", OLD.name, OLD.external, OLD.company, OLD."departedAt") IS DISTINCT FROM (NEW."externalId", NEW.name, NEW.external, NEW.company, NEW."departedAt"))
  EXECUTE FUNCTION gatehouse_import_digest_person();
CREATE TRIGGER person_import_digest_delete AFTER DELETE ON "Person" FOR EACH ROW
  EXECUTE FUNCTION gatehouse_import_digest_person();
