import { readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createThrowawayDatabase } from "@/tests/support/test-database";
import { databaseBeforeMigration } from "@/tests/support/database-before-migration";
import { containsPhoneNumber, maskPhoneNumbers } from "@/lib/validation/phone-number";
import { applyMigrations } from "./migrate";

// Labels stored before stop 42 refused phone numbers may hold one (migration 20261213010000, decision 086). Applied to
// a database holding such labels, every one is masked as lib/validation/phone-number.ts masks it (the SQL and the JS
// detector agree), and every label without one is left byte for byte.

const MIGRATION = "20261213010000_mask_phone_numbers_in_labels";
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

const WITH_NUMBERS = [
  "Sato iPhone +81 90-1234-5678",
  "09012345678",
  "090-1234-5678",
  "090/1234/5678",
  "佐藤の携帯 ０９０－１２３４－５６７８",
  "(03) 1234-5678",
  "+1 (415) 555-0100",
  "+44 20 7946 0958",
  "415.555.0100",
  "1234-5678",
  "090ー1234ー5678",
  "819012345678",
  "iPhone 15 2026-03-01 / 090-1234-5678",
  "Office 03-1234-5678 / mobile 080-9876-5432",
  "ｉＰｈｏｎｅ　１５ ０８０ ９８７６ ５４３２",
];
const WITHOUT = [
  "",
  "iPhone 15",
  "iPhone 15 Pro 256GB",
  "Pixel 8a",
  "Galaxy S23 2023",
  "YubiKey 5 NFC 12345678",
  "Titan Key serial 1234567890",
  "1234567",
  "2026-12-07",
  "20261207",
  "07/12/2026",
  "iPhone 15 (since 2026-12-07)",
  "Sato's phone, ends 5678",
  "••••5678",
  "Google Authenticator",
  "経理部の共用端末",
  "ｉＰｈｏｎｅ　１５",
  "Router 192.168.100.200",
  "〒150-0001 Shibuya office",
];

describe(MIGRATION, () => {
  it("masks every phone number the detector finds in stored labels, evidence, tasks and history, and leaves the rest byte for byte", async () => {
    // The detector's own reading of the two sets, so the test says what it means.
    expect(WITH_NUMBERS.filter((l) => !containsPhoneNumber(l))).toEqual([]);
    expect(WITHOUT.filter((l) => containsPhoneNumber(l))).toEqual([]);

    const db = await databaseBeforeMigration(inject("adminDatabaseUrl"), MIGRATION, "gatehouse_mask_phones");
    drops.push(db.drop);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const q = (text: string, params: unknown[] = []) => client.query(text, params);
      await q(`INSERT INTO "Organization" (id, name, "updatedAt") VALUES ('org-a', 'Agency', now())`);
      await q(`INSERT INTO "SellerAccount" (id, "orgId", "storeName", region, "updatedAt") VALUES ('acc-a', 'org-a', 'Store', 'JP', now()), ('acc-b', 'org-a', 'Store B', 'JP', now())`);
      await q(`INSERT INTO "Person" (id, "orgId", name, email) VALUES ('p-1', 'org-a', 'Sato', 'sato@shop.example')`);
      await q(`INSERT INTO "Login" (id, "orgId", "accountId", role, email, "personId", "updatedAt") VALUES
        ('l-a', 'org-a', 'acc-a', 'SECONDARY', 'sato@shop.example', 'p-1', now()), ('l-b', 'org-a', 'acc-b', 'SECONDARY', 'sato@b.example', 'p-1', now())`);
      const labels = [...WITH_NUMBERS, ...WITHOUT];
      for (const [i, label] of labels.entries()) {
        await q(`INSERT INTO "Device" (id, "orgId", kind, label) VALUES ($1, 'org-a', 'PHONE', $2)`, [`d-${i}`, label]);
        await q(`INSERT INTO "TwoStepMethod" (id, "orgId", "loginId", kind, label, "deviceId") VALUES ($1, 'org-a', 'l-a', 'SMS', $2, $3)`, [`m-${i}`, label, `d-${i}`]);
      }
      // The first device is used on both accounts; one more holds a number and no method uses it; one has no label.
      await q(`INSERT INTO "TwoStepMethod" (id, "orgId", "loginId", kind, label, "deviceId") VALUES ('m-b', 'org-a', 'l-b', 'SMS', NULL, 'd-0')`);
      await q(`INSERT INTO "Device" (id, "orgId", kind, label) VALUES ('d-unused', 'org-a', 'PHONE', 'Spare 080-1111-2222'), ('d-none', 'org-a', 'PHONE', NULL)`);
      // A shared device's finding quotes its label, and a task made from it starts with that evidence.
      const evidence = `device d-0 ("${WITH_NUMBERS[0]}", PHONE, held by p-1) is the 2SV method of 2 people's logins (p-1, p-2); on this account: l-a`;
      await q(`INSERT INTO "Finding" (id, "orgId", "accountId", "ruleId", severity, "subjectType", "subjectId", evidence, "evidenceData")
               VALUES ('f-1', 'org-a', 'acc-a', 'SHARED_2SV_DEVICE', 'high', 'device', 'd-0', $1, $2)`, [evidence, JSON.stringify({ deviceId: "d-0", deviceLabel: WITH_NUMBERS[0], peopleCount: 2 })]);
      await q(`INSERT INTO "RemediationTask" (id, "orgId", "accountId", kind, "subjectId", "subjectLabel", url, "dueOn", "findingId", "ruleId", "createdById")
               VALUES ('t-1', 'org-a', 'acc-a', 'FINDING', 'd-0', $1, 'https://sellercentral-japan.amazon.com/', '2099-01-01', 'f-1', 'SHARED_2SV_DEVICE', 'u-1')`, [evidence.slice(0, 60)]);
      // The single-2SV rule names the device by its label, unquoted, with no label in its data (review 43); a task
      // made from it holds its start, cut inside the number, as does the task's opening in the history; a digest in
      // the outbox quoted it.
      const single = `Login l-a (sato@shop.example) has a single 2SV method (SMS on device ${WITH_NUMBERS[0]}) and no backup`;
      const cut = single.slice(0, single.indexOf("5678") + 2);
      await q(`INSERT INTO "Finding" (id, "orgId", "accountId", "ruleId", severity, "subjectType", "subjectId", evidence, "evidenceData")
               VALUES ('f-2', 'org-a', 'acc-a', 'SINGLE_2SV_METHOD', 'high', 'login', 'l-a', $1, $2)`, [single, JSON.stringify({ deviceId: "d-0", methodKind: "SMS", methodCount: 1 })]);
      await q(`INSERT INTO "RemediationTask" (id, "orgId", "accountId", kind, "subjectId", "subjectLabel", url, "dueOn", "findingId", "ruleId", "createdById")
               VALUES ('t-2', 'org-a', 'acc-a', 'FINDING', 'l-a', $1, 'https://sellercentral-japan.amazon.com/', '2099-01-01', 'f-2', 'SINGLE_2SV_METHOD', 'u-1')`, [cut]);
      await q(`INSERT INTO "OutboxMail" ("orgId", "to", subject, body) VALUES ('org-a', 'owner@agency.example', 'Weekly', $1)`, [`Open: ${single}`]);
      // The history of a device's creation and a method's change recorded the labels.
      await q(`INSERT INTO "AuditEvent" ("orgId", action, "entityType", "entityId", "accountId", before, after) VALUES
        ('org-a', 'device.created', 'Device', 'd-0', NULL, NULL, $1),
        ('org-a', 'twoStepMethod.updated', 'TwoStepMethod', 'm-1', 'acc-a', $2, $3),
        ('org-a', 'task.opened', 'RemediationTask', 't-2', 'acc-a', NULL, $4),
        ('org-a', 'finding.opened', 'Finding', 'f-2', 'acc-a', NULL, $5)`,
        [JSON.stringify({ label: WITH_NUMBERS[0], kind: "PHONE" }), JSON.stringify({ label: WITH_NUMBERS[1] }), JSON.stringify({ label: "iPhone 15" }),
          JSON.stringify({ subject: cut, dueOn: "2099-01-01" }), JSON.stringify({ evidence: single })]);

      // The migrations after this one are applied too; this one comes first.
      expect((await applyMigrations(db.url)).applied[0]).toBe(MIGRATION);

      const stored = async (table: string) => new Map((await q(`SELECT id, label FROM "${table}"`)).rows.map((r) => [r.id as string, r.label as string | null]));
      for (const table of ["Device", "TwoStepMethod"]) {
        const rows = await stored(table);
        const prefix = table === "Device" ? "d" : "m";
        for (const [i, label] of labels.entries()) {
          const now = rows.get(`${prefix}-${i}`)!;
          expect(containsPhoneNumber(now), `${table} ${JSON.stringify(label)} → ${JSON.stringify(now)}`).toBe(false);
          // The SQL masks exactly as the JS does; a label without a number is the very same bytes.
          expect(now, `${table} ${JSON.stringify(label)}`).toBe(maskPhoneNumbers(label));
          if (!containsPhoneNumber(label)) expect(Buffer.from(now)).toEqual(Buffer.from(label));
        }
      }
      expect((await stored("Device")).get("d-0")).toBe("Sato iPhone +•• ••-••••-5678");
      expect((await stored("Device")).get("d-unused")).toBe("Spare •••-••••-2222");
      expect((await stored("Device")).get("d-none")).toBeNull();
      // A masked device's record is a new version (an edit opened before is a stale edit); the others are not.
      const versions = new Map((await q(`SELECT id, version FROM "Device"`)).rows.map((r) => [r.id, r.version]));
      expect([versions.get("d-0"), versions.get(`d-${WITH_NUMBERS.length}`)]).toEqual([2, 1]);

      const finding = (await q(`SELECT evidence, "evidenceData" FROM "Finding" WHERE id = 'f-1'`)).rows[0];
      expect(finding.evidence).toBe(evidence.replace(WITH_NUMBERS[0], "Sato iPhone +•• ••-••••-5678"));
      expect(finding.evidenceData).toEqual({ deviceId: "d-0", deviceLabel: "Sato iPhone +•• ••-••••-5678", peopleCount: 2 });
      const task = (await q(`SELECT "subjectLabel" FROM "RemediationTask" WHERE id = 't-1'`)).rows[0];
      // Cut inside the label when it was made: it is the new evidence's start now, cut where the task's texts are.
      expect(task.subjectLabel).toBe(finding.evidence.slice(0, 200));
      expect(containsPhoneNumber(task.subjectLabel)).toBe(false);

      // Every other copy: the single-2SV finding's evidence, its task's subject cut inside the number, the task's and
      // the finding's history entries, the outbox mail.
      const masked0 = "Sato iPhone +•• ••-••••-5678";
      expect((await q(`SELECT evidence FROM "Finding" WHERE id = 'f-2'`)).rows[0].evidence).toBe(single.replace(WITH_NUMBERS[0], masked0));
      const cutTask = (await q(`SELECT "subjectLabel" FROM "RemediationTask" WHERE id = 't-2'`)).rows[0].subjectLabel as string;
      expect(containsPhoneNumber(cutTask), cutTask).toBe(false);
      expect(cutTask).toBe(maskPhoneNumbers(cut));
      expect((await q(`SELECT body FROM "OutboxMail"`)).rows[0].body).toBe(`Open: ${single.replace(WITH_NUMBERS[0], masked0)}`);
      const copies = (await q(`SELECT action, after FROM "AuditEvent" WHERE action IN ('task.opened', 'finding.opened') ORDER BY action`)).rows;
      expect(copies).toEqual([
        { action: "finding.opened", after: { evidence: single.replace(WITH_NUMBERS[0], masked0) } },
        { action: "task.opened", after: { subject: maskPhoneNumbers(cut), dueOn: "2099-01-01" } },
      ]);

      // The trail keeps its entries, with the labels masked, and says where a label was masked.
      const trail = (await q(`SELECT action, "entityId", "accountId", before, after FROM "AuditEvent" WHERE action NOT IN ('task.opened', 'finding.opened') ORDER BY id`)).rows;
      expect(trail.slice(0, 2)).toEqual([
        { action: "device.created", entityId: "d-0", accountId: null, before: null, after: { label: "Sato iPhone +•• ••-••••-5678", kind: "PHONE" } },
        { action: "twoStepMethod.updated", entityId: "m-1", accountId: "acc-a", before: { label: "•••••••5678" }, after: { label: "iPhone 15" } },
      ]);
      const masked = trail.slice(2);
      expect(masked.filter((e) => e.entityId === "d-0").map((e) => [e.action, e.accountId, e.after]).sort()).toEqual([
        ["device.labelMasked", "acc-a", { label: "Sato iPhone +•• ••-••••-5678" }],
        ["device.labelMasked", "acc-b", { label: "Sato iPhone +•• ••-••••-5678" }],
      ]);
      expect(masked.filter((e) => e.entityId === "d-unused")).toEqual([{ action: "device.labelMasked", entityId: "d-unused", accountId: null, before: null, after: { label: "Spare •••-••••-2222" } }]);
      expect(masked.filter((e) => e.action === "twoStepMethod.labelMasked").map((e) => e.entityId).sort()).toEqual(WITH_NUMBERS.map((_, i) => `m-${i}`).sort());
      expect(masked.every((e) => e.before === null && !containsPhoneNumber(JSON.stringify(e.after)))).toBe(true);
      // Nothing was masked that had no number: no entry for those.
      expect(masked.filter((e) => e.action === "device.labelMasked").length).toBe(WITH_NUMBERS.length + 1 /* second account */ + 1 /* unused */);

      // The trail is append-only again, and the helper is gone.
      await expect(q(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/append-only/);
      expect((await q(`SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'gatehouse_mask_phone_numbers'`)).rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  // The 32 labels above are the cases people type; these are the ones nobody thought of. The migration's function,
  // made again in a scratch database, reads 3,000 seeded random labels of digits, separators, "+", full-width forms,
  // dates and words exactly as the JS does.
  it("masks 3,000 random labels exactly as maskPhoneNumbers does", async () => {
    const db = await createThrowawayDatabase(inject("adminDatabaseUrl"), "gatehouse_mask_phones_fuzz");
    drops.push(db.drop);
    const sql = await readFile(join("prisma/migrations", MIGRATION, "migration.sql"), "utf8");
    const create = sql.slice(sql.indexOf("CREATE FUNCTION"), sql.indexOf("END';") + "END';".length);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(create);
      const pieces = ["0", "1", "5", "8", "9", "81", "090", "1234", "5678", "12345678", "2026", "12", "07", "31", " ", "  ", "-", "/", ".", "(", ")", "+", "ー", "－", "０", "９", "＋", "／", "　", "iPhone ", "YubiKey 5 NFC ", "携帯", "#", "•", "a", "\t", "〒", "192.168.1.10", "150-0001"];
      let seed = 20261213;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const labels = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join(""));
      const { rows } = await client.query(`SELECT gatehouse_mask_phone_numbers(l) AS masked FROM unnest($1::text[]) WITH ORDINALITY AS u(l, i) ORDER BY i`, [labels]);
      const differ = labels.map((label, i) => ({ label, sql: rows[i].masked as string, js: maskPhoneNumbers(label) })).filter((r) => r.sql !== r.js);
      expect(differ).toEqual([]);
      // The sample is not all one side: many hold numbers, many do not, and none does once masked.
      const holding = labels.filter((l) => containsPhoneNumber(l)).length;
      expect(holding).toBeGreaterThan(300);
      expect(labels.length - holding).toBeGreaterThan(300);
      expect(rows.filter((r) => containsPhoneNumber(r.masked))).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
