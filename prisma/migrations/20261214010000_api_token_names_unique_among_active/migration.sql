-- One active (unrevoked) API token per name in an organisation, compared without case (decision 095): two tokens
-- named alike could not be told apart in the list in Settings or in the revoke confirmation, which names the token. The
-- partial unique index below holds it, so two creates at once cannot both win. Revoked tokens keep their names.
--
-- Older data may already hold such names. In each organisation the earliest-created token of a name (then the
-- smallest id) keeps it, and each later one is renamed "name (2)", "name (3)" … with the first number no active
-- token of the organisation is named (without case), cut to stay within the 100 characters of the form. Each rename is
-- recorded in the trail of the organisation (apiToken.renamed, before and after).
--
-- No semicolon outside a statement end: the offline engine used for drift checks splits on every one (\073).

DO E'
DECLARE
  later record\073
  n int\073
  suffix text\073
  candidate text\073
BEGIN
  FOR later IN
    SELECT id, "orgId", name FROM (
      SELECT id, "orgId", name, row_number() OVER (PARTITION BY "orgId", lower(name) ORDER BY "createdAt", id) AS rank
      FROM "ApiToken" WHERE "revokedAt" IS NULL
    ) ranked WHERE rank > 1 ORDER BY "orgId", lower(name), rank
  LOOP
    n := 2\073
    LOOP
      suffix := '' ('' || n || '')''\073
      candidate := left(later.name, 100 - length(suffix)) || suffix\073
      EXIT WHEN NOT EXISTS (SELECT 1 FROM "ApiToken" WHERE "orgId" = later."orgId" AND "revokedAt" IS NULL AND lower(name) = lower(candidate))\073
      n := n + 1\073
    END LOOP\073
    UPDATE "ApiToken" SET name = candidate WHERE id = later.id\073
    INSERT INTO "AuditEvent" ("orgId", "actorUserId", "action", "entityType", "entityId", "before", "after")
    VALUES (later."orgId", NULL, ''apiToken.renamed'', ''ApiToken'', later.id, jsonb_build_object(''name'', later.name), jsonb_build_object(''name'', candidate, ''why'', ''duplicateActiveName''))\073
  END LOOP\073
END';

CREATE UNIQUE INDEX "ApiToken_orgId_active_name_key" ON "ApiToken" ("orgId", lower("name")) WHERE "revokedAt" IS NULL;
