-- Each person keeps the open findings about them, their logins (owned or used) and their devices, by
-- severity, and each organisation keeps how many people it has (issue 15, decision 035): the people list
-- reads one page and its total without counting every person or finding of the organisation per request.
-- Same definitions as the live FINDING_METRICS of lib/db/people/people-sql.ts with every account in scope.
-- Derived data kept by triggers, so every writer keeps it without knowing of it. Function bodies are
-- E strings with \073 for the semicolon: the offline schema engine of db:drift splits at every semicolon.

-- CreateTable
CREATE TABLE "PersonFindingCount" (
    "personId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "openCritical" INTEGER NOT NULL DEFAULT 0,
    "openHigh" INTEGER NOT NULL DEFAULT 0,
    "openMedium" INTEGER NOT NULL DEFAULT 0,
    "openLow" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PersonFindingCount_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "PersonCount" (
    "orgId" TEXT NOT NULL,
    "people" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PersonCount_pkey" PRIMARY KEY ("orgId")
);

-- CreateIndex
CREATE INDEX "PersonFindingCount_orgId_idx" ON "PersonFindingCount"("orgId");

-- AddForeignKey
ALTER TABLE "PersonFindingCount" ADD CONSTRAINT "PersonFindingCount_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as on every tenant-owned table (20261130010000_row_level_security).
ALTER TABLE "PersonFindingCount" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PersonFindingCount" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));
ALTER TABLE "PersonCount" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PersonCount" USING ("orgId" = current_setting('gatehouse.org_id', true)) WITH CHECK ("orgId" = current_setting('gatehouse.org_id', true));

-- Recounts these people of one organisation from the facts, writing only rows that change. Their Person
-- rows are locked in id order first (as refreshPersonAccess does, decision 008): of two transactions
-- changing one person the second waits for the first to commit, and its count (a new statement, a new
-- snapshot) then includes the first change. A deferred constraint trigger at commit time would be the
-- alternative, but the offline schema engine of db:drift panics on a constraint trigger (decision 035).
CREATE FUNCTION gatehouse_recount_person_findings(org TEXT, ids TEXT[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN\073 END IF\073
  PERFORM 1 FROM "Person" WHERE "orgId" = org AND id = ANY(ids) ORDER BY id FOR NO KEY UPDATE\073
  INSERT INTO "PersonFindingCount" ("personId", "orgId", "openCritical", "openHigh", "openMedium", "openLow")
  SELECT p.id, p."orgId",
         count(f.id) FILTER (WHERE f.severity = ''critical''),
         count(f.id) FILTER (WHERE f.severity = ''high''),
         count(f.id) FILTER (WHERE f.severity = ''medium''),
         count(f.id) FILTER (WHERE f.severity = ''low'')
    FROM "Person" p
    LEFT JOIN (SELECT id AS pid, ''person''::text AS t, id AS sid FROM "Person" WHERE "orgId" = org AND id = ANY(ids)
               UNION SELECT "personId", ''login'', id FROM "Login" WHERE "orgId" = org AND "personId" = ANY(ids)
               UNION SELECT "personId", ''login'', "loginId" FROM "LoginUser" WHERE "orgId" = org AND "personId" = ANY(ids)
               UNION SELECT "holderId", ''device'', id FROM "Device" WHERE "orgId" = org AND "holderId" = ANY(ids)) s ON s.pid = p.id
    LEFT JOIN "Finding" f ON f."orgId" = org AND f.status = ''OPEN'' AND f."subjectType"::text = s.t AND f."subjectId" = s.sid
   WHERE p."orgId" = org AND p.id = ANY(ids)
   GROUP BY p.id, p."orgId"
  ON CONFLICT ("personId") DO UPDATE SET "openCritical" = excluded."openCritical", "openHigh" = excluded."openHigh",
     "openMedium" = excluded."openMedium", "openLow" = excluded."openLow"
   WHERE ("PersonFindingCount"."openCritical", "PersonFindingCount"."openHigh", "PersonFindingCount"."openMedium", "PersonFindingCount"."openLow")
         IS DISTINCT FROM (excluded."openCritical", excluded."openHigh", excluded."openMedium", excluded."openLow")\073
END';

-- Recounts the people a set of finding subjects (organisation, subject type, subject id) concerns.
CREATE FUNCTION gatehouse_recount_subject_people(orgs TEXT[], types TEXT[], sids TEXT[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF cardinality(sids) = 0 THEN RETURN\073 END IF\073
  PERFORM gatehouse_recount_person_findings(y.org, y.ids) FROM (
  SELECT x.org, array_agg(DISTINCT p.pid) AS ids
    FROM unnest(orgs, types, sids) AS x(org, t, sid)
    CROSS JOIN LATERAL (
      SELECT x.sid AS pid WHERE x.t = ''person''
      UNION ALL SELECT l."personId" FROM "Login" l WHERE x.t = ''login'' AND l.id = x.sid
      UNION ALL SELECT lu."personId" FROM "LoginUser" lu WHERE x.t = ''login'' AND lu."loginId" = x.sid
      UNION ALL SELECT d."holderId" FROM "Device" d WHERE x.t = ''device'' AND d.id = x.sid AND d."holderId" IS NOT NULL) p
   GROUP BY x.org) y\073
END';

CREATE FUNCTION gatehouse_finding_people_changed() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE orgs TEXT[]\073 types TEXT[]\073 sids TEXT[]\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    SELECT array_agg(o), array_agg(t), array_agg(s) INTO orgs, types, sids
      FROM (SELECT DISTINCT "orgId" AS o, "subjectType"::text AS t, "subjectId" AS s FROM new_rows WHERE status = ''OPEN'') x\073
  ELSIF TG_OP = ''DELETE'' THEN
    SELECT array_agg(o), array_agg(t), array_agg(s) INTO orgs, types, sids
      FROM (SELECT DISTINCT "orgId" AS o, "subjectType"::text AS t, "subjectId" AS s FROM old_rows WHERE status = ''OPEN'') x\073
  ELSE
    SELECT array_agg(o), array_agg(t), array_agg(s) INTO orgs, types, sids
      FROM (SELECT o."orgId" AS o, o."subjectType"::text AS t, o."subjectId" AS s FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE (o.status = ''OPEN'' OR n.status = ''OPEN'')
               AND (o.status, o.severity, o."subjectType", o."subjectId") IS DISTINCT FROM (n.status, n.severity, n."subjectType", n."subjectId")
            UNION SELECT n."orgId", n."subjectType"::text, n."subjectId" FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE n.status = ''OPEN'' AND (o."subjectType", o."subjectId") IS DISTINCT FROM (n."subjectType", n."subjectId")) x\073
  END IF\073
  IF sids IS NOT NULL THEN PERFORM gatehouse_recount_subject_people(orgs, types, sids)\073 END IF\073
  RETURN NULL\073
END';

-- Logins, their users and devices moving between people: both the old and the new person.
CREATE FUNCTION gatehouse_holder_people_changed() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE col TEXT\073
BEGIN
  col := TG_ARGV[0]\073
  IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
    EXECUTE format(''SELECT gatehouse_recount_person_findings(o, ids) FROM (SELECT "orgId" AS o, array_agg(DISTINCT %I) AS ids FROM new_rows WHERE %I IS NOT NULL GROUP BY "orgId") x'', col, col)\073
  END IF\073
  IF TG_OP IN (''DELETE'', ''UPDATE'') THEN
    EXECUTE format(''SELECT gatehouse_recount_person_findings(o, ids) FROM (SELECT "orgId" AS o, array_agg(DISTINCT %I) AS ids FROM old_rows WHERE %I IS NOT NULL GROUP BY "orgId") x'', col, col)\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER finding_person_counts_insert AFTER INSERT ON "Finding"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_finding_people_changed();
CREATE TRIGGER finding_person_counts_update AFTER UPDATE ON "Finding"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_finding_people_changed();
CREATE TRIGGER finding_person_counts_delete AFTER DELETE ON "Finding"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_finding_people_changed();

CREATE TRIGGER login_person_counts_update AFTER UPDATE ON "Login"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_holder_people_changed('personId');
CREATE TRIGGER login_person_counts_delete AFTER DELETE ON "Login"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_holder_people_changed('personId');
CREATE TRIGGER login_user_person_counts_insert AFTER INSERT ON "LoginUser"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_holder_people_changed('personId');
CREATE TRIGGER login_user_person_counts_update AFTER UPDATE ON "LoginUser"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_holder_people_changed('personId');
CREATE TRIGGER login_user_person_counts_delete AFTER DELETE ON "LoginUser"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_holder_people_changed('personId');
CREATE TRIGGER device_person_counts_update AFTER UPDATE ON "Device"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_holder_people_changed('holderId');
CREATE TRIGGER device_person_counts_delete AFTER DELETE ON "Device"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_holder_people_changed('holderId');

-- People per organisation, kept by statement-level triggers on Person.
CREATE FUNCTION gatehouse_person_count_changed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "PersonCount" ("orgId", people)
    SELECT "orgId", count(*)::int FROM new_rows GROUP BY "orgId" ORDER BY "orgId"
    ON CONFLICT ("orgId") DO UPDATE SET people = "PersonCount".people + excluded.people\073
  ELSE
    UPDATE "PersonCount" c SET people = c.people - d.n
      FROM (SELECT "orgId", count(*)::int AS n FROM old_rows GROUP BY "orgId") d WHERE c."orgId" = d."orgId"\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER person_count_insert AFTER INSERT ON "Person"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_person_count_changed();
CREATE TRIGGER person_count_delete AFTER DELETE ON "Person"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_person_count_changed();

-- Existing data.
INSERT INTO "PersonCount" ("orgId", people) SELECT "orgId", count(*)::int FROM "Person" GROUP BY "orgId";
INSERT INTO "PersonFindingCount" ("personId", "orgId", "openCritical", "openHigh", "openMedium", "openLow")
SELECT s.pid, s.org,
       count(*) FILTER (WHERE f.severity = 'critical'), count(*) FILTER (WHERE f.severity = 'high'),
       count(*) FILTER (WHERE f.severity = 'medium'), count(*) FILTER (WHERE f.severity = 'low')
  FROM (SELECT id AS pid, "orgId" AS org, 'person'::text AS t, id AS sid FROM "Person"
        UNION SELECT "personId", "orgId", 'login', id FROM "Login"
        UNION SELECT "personId", "orgId", 'login', "loginId" FROM "LoginUser"
        UNION SELECT "holderId", "orgId", 'device', id FROM "Device" WHERE "holderId" IS NOT NULL) s
  JOIN "Finding" f ON f."orgId" = s.org AND f.status = 'OPEN' AND f."subjectType"::text = s.t AND f."subjectId" = s.sid
 GROUP BY s.pid, s.org;
