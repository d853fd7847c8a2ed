-- The large import writes tens of thousands of findings in batches of accounts, and the statement
-- triggers of decision 035 recounted every person each batch touched: agency staff with logins on every
-- account were recounted from all their findings once per batch (a 50,000-row first import went from
-- about 33 s to 147 s). A bulk writer now sets gatehouse.person_counts_deferred for its transaction, the
-- triggers then leave the counts to it, and it recounts the people it touched once at its end
-- (lib/db/bulk-import/write.ts, decision 035 Stop 29). Every other writer is unchanged.

CREATE OR REPLACE FUNCTION gatehouse_finding_people_changed() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE orgs TEXT[]\073 types TEXT[]\073 sids TEXT[]\073
BEGIN
  IF current_setting(''gatehouse.person_counts_deferred'', true) = ''on'' THEN RETURN NULL\073 END IF\073
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

CREATE OR REPLACE FUNCTION gatehouse_holder_people_changed() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE col TEXT\073
BEGIN
  IF current_setting(''gatehouse.person_counts_deferred'', true) = ''on'' THEN RETURN NULL\073 END IF\073
  col := TG_ARGV[0]\073
  IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
    EXECUTE format(''SELECT gatehouse_recount_person_findings(o, ids) FROM (SELECT "orgId" AS o, array_agg(DISTINCT %I) AS ids FROM new_rows WHERE %I IS NOT NULL GROUP BY "orgId") x'', col, col)\073
  END IF\073
  IF TG_OP IN (''DELETE'', ''UPDATE'') THEN
    EXECUTE format(''SELECT gatehouse_recount_person_findings(o, ids) FROM (SELECT "orgId" AS o, array_agg(DISTINCT %I) AS ids FROM old_rows WHERE %I IS NOT NULL GROUP BY "orgId") x'', col, col)\073
  END IF\073
  RETURN NULL\073
END';

-- Every person of one organisation, for a bulk writer that touched most of them.
CREATE FUNCTION gatehouse_recount_org_person_findings(org TEXT) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  PERFORM 1 FROM "Person" WHERE "orgId" = org ORDER BY id FOR NO KEY UPDATE\073
  INSERT INTO "PersonFindingCount" ("personId", "orgId", "openCritical", "openHigh", "openMedium", "openLow")
  SELECT p.id, p."orgId",
         count(f.id) FILTER (WHERE f.severity = ''critical''),
         count(f.id) FILTER (WHERE f.severity = ''high''),
         count(f.id) FILTER (WHERE f.severity = ''medium''),
         count(f.id) FILTER (WHERE f.severity = ''low'')
    FROM "Person" p
    LEFT JOIN (SELECT id AS pid, ''person''::text AS t, id AS sid FROM "Person" WHERE "orgId" = org
               UNION SELECT "personId", ''login'', id FROM "Login" WHERE "orgId" = org
               UNION SELECT "personId", ''login'', "loginId" FROM "LoginUser" WHERE "orgId" = org
               UNION SELECT "holderId", ''device'', id FROM "Device" WHERE "orgId" = org) s ON s.pid = p.id
    LEFT JOIN "Finding" f ON f."orgId" = org AND f.status = ''OPEN'' AND f."subjectType"::text = s.t AND f."subjectId" = s.sid
   WHERE p."orgId" = org
   GROUP BY p.id, p."orgId"
  ON CONFLICT ("personId") DO UPDATE SET "openCritical" = excluded."openCritical", "openHigh" = excluded."openHigh",
     "openMedium" = excluded."openMedium", "openLow" = excluded."openLow"
   WHERE ("PersonFindingCount"."openCritical", "PersonFindingCount"."openHigh", "PersonFindingCount"."openMedium", "PersonFindingCount"."openLow")
         IS DISTINCT FROM (excluded."openCritical", excluded."openHigh", excluded."openMedium", excluded."openLow")\073
END';
