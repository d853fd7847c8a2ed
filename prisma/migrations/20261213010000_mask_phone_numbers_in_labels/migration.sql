-- Gatehouse never stores a full phone number (DOMAIN.md). From stop 42 the forms and every snapshot path refuse one
-- in a device's or a 2SV method's label, but what was stored before may still hold one, and the app's own exports of it
-- could not be imported again. This masks every phone number the app's detector finds (lib/validation/phone-number.ts,
-- maskPhoneNumbers: the steps below are its steps) in every stored text that holds such a label, keeping the last
-- four digits: "Phone 090-1234-5678" becomes "Phone •••-••••-5678" (decision 086). A label without one is not
-- written at all. Each masked label is recorded in the history of every account it is used on.
--
-- No semicolon outside a statement's end: the offline engine used for drift checks splits on every one (\073).

CREATE FUNCTION gatehouse_mask_phone_numbers(txt text) RETURNS text LANGUAGE plpgsql AS E'
DECLARE
  normal text\073
  scanned text\073
  result text := ''''\073
  copied_to int := 1\073
  masked_any boolean := false\073
  search int := 1\073
  pos int\073
  digit_run text\073
  digits text\073
  date_re text\073
BEGIN
  IF txt IS NULL THEN RETURN NULL\073 END IF\073
  -- Full-width digits, "＋" and "／" read as the ASCII ones (String.prototype.normalize("NFKC")).
  normal := CASE WHEN current_setting(''server_encoding'') = ''UTF8'' THEN normalize(txt, NFKC) ELSE txt END\073
  -- Dates are not phone numbers: each is replaced one for one, year first, then year last, then IPv4 addresses and
  -- postcodes after their mark (review 43).
  scanned := normal\073
  FOREACH date_re IN ARRAY ARRAY[
    ''(?<![0-9])(?:19|20)[0-9][0-9]([-/.]?)(?:0?[1-9]|1[0-2])\\1(?:0?[1-9]|[12][0-9]|3[01])(?![0-9])'',
    ''(?<![0-9])(?:0?[1-9]|[12][0-9]|3[01])([-/.])(?:0?[1-9]|[12][0-9]|3[01])\\1(?:19|20)[0-9][0-9](?![0-9])'',
    ''(?<![0-9])(?:[0-9]{1,3}[.]){3}[0-9]{1,3}(?![0-9])'',
    ''〒 ?[0-9]{3}-?[0-9]{4}(?![0-9])''
  ] LOOP
    LOOP
      pos := regexp_instr(scanned, date_re)\073
      EXIT WHEN pos = 0\073
      digit_run := regexp_substr(scanned, date_re)\073
      scanned := overlay(scanned PLACING repeat(''#'', length(digit_run)) FROM pos FOR length(digit_run))\073
    END LOOP\073
  END LOOP\073
  -- Each run of digits (up to three separators between them, "+" in front) that reads as a phone number.
  LOOP
    pos := regexp_instr(scanned, ''[+]?[0-9](?:[ \t.()/‐‑–—−ー-]{0,3}[0-9])*'', search)\073
    EXIT WHEN pos = 0\073
    digit_run := regexp_substr(scanned, ''[+]?[0-9](?:[ \t.()/‐‑–—−ー-]{0,3}[0-9])*'', search)\073
    search := pos + length(digit_run)\073
    digits := regexp_replace(digit_run, ''[^0-9]'', '''', ''g'')\073
    IF length(digits) >= 7 AND (digit_run <> digits OR left(digits, 1) = ''0'' OR digits ~ ''^81[0-9]{9,10}$'') THEN
      result := result || substr(normal, copied_to, pos - copied_to) || regexp_replace(digit_run, ''[0-9](?=(?:[^0-9]*[0-9]){4})'', ''•'', ''g'')\073
      copied_to := search\073
      masked_any := true\073
    END IF\073
  END LOOP\073
  IF NOT masked_any THEN RETURN txt\073 END IF\073
  RETURN result || substr(normal, copied_to)\073
END';

-- Every label about to be masked, with its organisation: the texts that copied a label (evidence, task subjects, the
-- trail, outbox mail) are rewritten from this list below, whichever rule or event copied it (review 43: the single-2SV
-- finding names the device by its label, unquoted, and its evidenceData holds no label).
CREATE TEMP TABLE gatehouse_masked_label AS
  SELECT DISTINCT "orgId", label AS old_label, gatehouse_mask_phone_numbers(label) AS new_label FROM (
    SELECT "orgId", label FROM "Device" WHERE label IS NOT NULL
    UNION SELECT "orgId", label FROM "TwoStepMethod" WHERE label IS NOT NULL
  ) l WHERE gatehouse_mask_phone_numbers(label) <> label;

-- Devices: the label, a new version (an edit form opened before this is a stale edit), and the history of every
-- account whose 2SV methods use the device (an organisation-wide entry when none does). The label as it was is not
-- recorded anywhere: the point is that it is no longer stored.
WITH masked AS (
  UPDATE "Device" d SET label = m.label, version = d.version + 1
  FROM (SELECT id, gatehouse_mask_phone_numbers(label) AS label FROM "Device" WHERE label IS NOT NULL) m
  WHERE d.id = m.id AND m.label <> d.label
  RETURNING d.id, d."orgId", d.label
), reached AS (
  SELECT DISTINCT m.id, m."orgId", m.label, l."accountId"
  FROM masked m LEFT JOIN "TwoStepMethod" t ON t."deviceId" = m.id AND t."orgId" = m."orgId" LEFT JOIN "Login" l ON l.id = t."loginId" AND l."orgId" = m."orgId"
)
INSERT INTO "AuditEvent" ("orgId", "actorUserId", "action", "entityType", "entityId", "accountId", "after")
SELECT "orgId", NULL, 'device.labelMasked', 'Device', id, "accountId", jsonb_build_object('label', label)
FROM reached r
WHERE r."accountId" IS NOT NULL OR NOT EXISTS (SELECT 1 FROM reached o WHERE o.id = r.id AND o."accountId" IS NOT NULL);

-- 2SV methods: the label, in the history of the method's account.
WITH masked AS (
  UPDATE "TwoStepMethod" t SET label = m.label
  FROM (SELECT id, gatehouse_mask_phone_numbers(label) AS label FROM "TwoStepMethod" WHERE label IS NOT NULL) m
  WHERE t.id = m.id AND m.label <> t.label
  RETURNING t.id, t."orgId", t."loginId", t.label
)
INSERT INTO "AuditEvent" ("orgId", "actorUserId", "action", "entityType", "entityId", "accountId", "after")
SELECT m."orgId", NULL, 'twoStepMethod.labelMasked', 'TwoStepMethod', m.id, l."accountId", jsonb_build_object('label', m.label)
FROM masked m JOIN "Login" l ON l.id = m."loginId";

-- A shared device's finding quotes its label in its evidence ("device d-1 ("Sato 090-…", PHONE) …") and keeps it as
-- evidenceData.deviceLabel, and a task made from the finding starts with that evidence (its first 200 characters). Only the
-- quoted label is rewritten: the rest of the evidence names ids, which are not labels.
WITH labelled AS (
  SELECT id, evidence, "evidenceData"->>'deviceLabel' AS old_label, gatehouse_mask_phone_numbers("evidenceData"->>'deviceLabel') AS new_label
  FROM "Finding" WHERE jsonb_typeof("evidenceData"->'deviceLabel') = 'string'
), changed AS (
  SELECT id, evidence AS old_evidence, old_label, new_label,
         replace(evidence, '"' || old_label || '"', '"' || new_label || '"') AS new_evidence
  FROM labelled WHERE new_label <> old_label
), tasks AS (
  UPDATE "RemediationTask" t SET "subjectLabel" = CASE
      WHEN starts_with(c.old_evidence, t."subjectLabel") THEN left(c.new_evidence, 200)
      ELSE replace(t."subjectLabel", '"' || c.old_label || '"', '"' || c.new_label || '"') END
  FROM changed c WHERE t."findingId" = c.id
  RETURNING t.id
)
UPDATE "Finding" f SET evidence = c.new_evidence, "evidenceData" = jsonb_set(f."evidenceData", '{deviceLabel}', to_jsonb(c.new_label))
FROM changed c WHERE f.id = c.id;

-- The history itself: a device's or a method's creation, change or removal recorded its label. The trail is
-- append-only (20261123000000_init): the rule is lifted for this one rewrite of those labels, in this transaction.
DROP RULE "AuditEvent_no_update" ON "AuditEvent";
UPDATE "AuditEvent" SET
  "before" = CASE WHEN jsonb_typeof("before"->'label') = 'string' THEN jsonb_set("before", '{label}', to_jsonb(gatehouse_mask_phone_numbers("before"->>'label'))) ELSE "before" END,
  "after" = CASE WHEN jsonb_typeof("after"->'label') = 'string' THEN jsonb_set("after", '{label}', to_jsonb(gatehouse_mask_phone_numbers("after"->>'label'))) ELSE "after" END
WHERE "entityType" IN ('Device', 'TwoStepMethod')
  AND ((jsonb_typeof("before"->'label') = 'string' AND gatehouse_mask_phone_numbers("before"->>'label') <> "before"->>'label')
    OR (jsonb_typeof("after"->'label') = 'string' AND gatehouse_mask_phone_numbers("after"->>'label') <> "after"->>'label'));
-- Every other copy of a masked label in its organisation, longest label first (a shorter one may sit inside a longer
-- one): finding evidence and its data (any rule's), task subjects, every history entry (a task's opening copies the
-- evidence), outbox mail. In JSON the label is matched as JSON writes it (quotes and backslashes escaped).
DO E'
DECLARE
  m record\073
  old_json text\073
  new_json text\073
BEGIN
  FOR m IN SELECT "orgId" AS org, old_label, new_label FROM gatehouse_masked_label ORDER BY length(old_label) DESC, old_label LOOP
    old_json := to_jsonb(m.old_label)::text\073
    old_json := substr(old_json, 2, length(old_json) - 2)\073
    new_json := to_jsonb(m.new_label)::text\073
    new_json := substr(new_json, 2, length(new_json) - 2)\073
    UPDATE "Finding" SET evidence = replace(evidence, m.old_label, m.new_label) WHERE "orgId" = m.org AND strpos(evidence, m.old_label) > 0\073
    UPDATE "Finding" SET "evidenceData" = replace("evidenceData"::text, old_json, new_json)::jsonb WHERE "orgId" = m.org AND strpos("evidenceData"::text, old_json) > 0\073
    UPDATE "RemediationTask" SET "subjectLabel" = replace("subjectLabel", m.old_label, m.new_label) WHERE "orgId" = m.org AND strpos("subjectLabel", m.old_label) > 0\073
    UPDATE "AuditEvent" SET "before" = replace("before"::text, old_json, new_json)::jsonb WHERE "orgId" = m.org AND strpos("before"::text, old_json) > 0\073
    UPDATE "AuditEvent" SET "after" = replace("after"::text, old_json, new_json)::jsonb WHERE "orgId" = m.org AND strpos("after"::text, old_json) > 0\073
    UPDATE "OutboxMail" SET body = replace(body, m.old_label, m.new_label), subject = replace(subject, m.old_label, m.new_label)
      WHERE "orgId" = m.org AND (strpos(body, m.old_label) > 0 OR strpos(subject, m.old_label) > 0)\073
  END LOOP\073
END';

-- A task's subject (and its opening's history entry) is the evidence's first 200 characters, so it may end inside a
-- label that no longer matches whole: what still reads as a phone number there is masked where it stands.
UPDATE "RemediationTask" SET "subjectLabel" = gatehouse_mask_phone_numbers("subjectLabel")
WHERE "findingId" IS NOT NULL AND "orgId" IN (SELECT "orgId" FROM gatehouse_masked_label)
  AND gatehouse_mask_phone_numbers("subjectLabel") <> "subjectLabel";
UPDATE "AuditEvent" SET "after" = jsonb_set("after", '{subject}', to_jsonb(gatehouse_mask_phone_numbers("after"->>'subject')))
WHERE action = 'task.opened' AND jsonb_typeof("after"->'subject') = 'string' AND "orgId" IN (SELECT "orgId" FROM gatehouse_masked_label)
  AND gatehouse_mask_phone_numbers("after"->>'subject') <> "after"->>'subject';

CREATE RULE "AuditEvent_no_update" AS ON UPDATE TO "AuditEvent" DO INSTEAD SELECT ('AuditEvent is append-only: ' || OLD."id")::int;

DROP TABLE gatehouse_masked_label;
DROP FUNCTION gatehouse_mask_phone_numbers(text);
