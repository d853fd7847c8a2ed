import { readFile, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { setPermissionsSchema } from "@/lib/validation/permission-form";
import { updatePersonSchema } from "@/lib/validation/person-form";
import { bulkImportFixture } from "@/tests/support/bulk-import-fixture";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { writeLoginsCsv } from "@/tests/support/logins-file";
import { setLoginPermissions } from "../accounts/permission-records";
import { updatePerson } from "../people/person-records";
import { CLEARED_MARK } from "./digest";
import { runBulkImport, type BulkImportOptions, type BulkProgress } from "./import";

// The digest each import stores per account (decision 032): the same file again is told by reading its
// cells once ("stored": nothing staged or planned, nothing written), and any change — in the file, by the
// app, or to a person by anyone, another import included — makes the next import apply the file again.

const { db, file } = bulkImportFixture("bulk-digest-");

const COLUMNS = { account: 0, login: 5, email: 7, person: 8, name: 9, status: 12 };
const SHARED = "p-agency-shared";

// 6 accounts of 10 logins (acc-0 … acc-5); one person of the agency holds a login on acc-0, acc-1 and acc-2.
async function portfolio() {
  const tenant = await createTenant(db);
  const scope = await scopeFor(tenant.userId, tenant.orgId);
  const generated = file(`${tenant.orgId}-generated.csv`);
  await writeLoginsCsv(generated, 60, { perAccount: 10 });
  const path = await edited(generated, "shared", (lines) =>
    lines.map((c) => (["l-0-1", "l-1-1", "l-2-1"].includes(c[COLUMNS.login]) ? Object.assign([...c], { [COLUMNS.email]: `${SHARED}@example.com`, [COLUMNS.person]: SHARED, [COLUMNS.name]: `Person ${SHARED}` }) : c)),
  );
  const run = async (at: string, options: Partial<BulkImportOptions> = {}) => {
    const phases = new Set<string>();
    const onProgress = (p: BulkProgress) => phases.add(p.phase);
    const result = await runBulkImport(scope, { path: at, kind: "csv", dryRun: false, onProgress, ...options });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return { ...result, staged: phases.has("applying") };
  };
  const first = await run(path);
  expect(first.written).toBe(true);
  return { ...tenant, scope, path, run };
}

/** Each account's stored digest, null when it holds none (NULL, or the mark of another writer that cleared it). */
async function digests(orgId: string): Promise<Record<string, string | null>> {
  const rows = await db.sellerAccount.findMany({ where: { orgId }, select: { externalId: true, importDigest: true }, orderBy: { externalId: "asc" } });
  return Object.fromEntries(rows.map((r) => [r.externalId, r.importDigest?.startsWith(CLEARED_MARK) ? null : r.importDigest]));
}

/** A copy of the file with `edit` applied to its data lines (header kept). */
async function edited(path: string, name: string, edit: (lines: string[][]) => string[][]): Promise<string> {
  const [header, ...lines] = (await readFile(path, "utf8")).trimEnd().split("\n");
  const out = `${path}.${name}.csv`;
  await writeFile(out, [header, ...edit(lines.map((l) => l.split(","))).map((cells) => cells.join(","))].join("\n") + "\n");
  return out;
}

const unchangedPlan = (accounts: number, people: number) => ({
  accounts: { created: 0, updated: 0, unchanged: accounts }, people: { created: 0, updated: 0, unchanged: people },
  devices: { created: 0, updated: 0, unchanged: 0 }, removed: { logins: 0, partners: 0, apps: 0 },
});

describe("the digests a large import stores", () => {
  it("tell the same file again by reading it once: nothing staged or written, the whole plan's answer", { timeout: 120_000 }, async () => {
    const { orgId, path, run } = await portfolio();
    const stored = await digests(orgId);
    expect(Object.keys(stored)).toEqual(["acc-0", "acc-1", "acc-2", "acc-3", "acc-4", "acc-5"]);
    expect(Object.values(stored).every((d) => typeof d === "string")).toBe(true);
    const audits = await db.auditEvent.count({ where: { orgId } });
    const versions = await db.sellerAccount.findMany({ where: { orgId }, select: { version: true, updatedAt: true } });

    const again = await run(path);
    expect({ unchanged: again.unchanged, written: again.written, staged: again.staged, rows: again.rows }).toEqual({ unchanged: "stored", written: false, staged: false, rows: 60 });
    const whole = await run(path, { dryRun: true, checkUnchanged: false });
    expect(whole.plan.summary).toEqual(unchangedPlan(6, whole.plan.summary.people.unchanged));
    expect(again.plan).toEqual(whole.plan);
    expect(await db.auditEvent.count({ where: { orgId } })).toBe(audits);
    expect(await db.sellerAccount.findMany({ where: { orgId }, select: { version: true, updatedAt: true } })).toEqual(versions);
    expect(await digests(orgId)).toEqual(stored);
  });

  it("re-imports a file with one changed row, and stores that account's new digest", { timeout: 120_000 }, async () => {
    const { orgId, path, run } = await portfolio();
    const before = await digests(orgId);
    const changed = await edited(path, "status", (lines) =>
      lines.map((c) => (c[COLUMNS.login] === "l-2-3" ? c.map((v, i) => (i === COLUMNS.status ? (v === "ACTIVE" ? "DISABLED" : "ACTIVE") : v)) : c)),
    );
    const result = await run(changed);
    expect({ unchanged: result.unchanged, written: result.written }).toEqual({ unchanged: undefined, written: true });
    expect(result.plan.summary.accounts).toEqual({ created: 0, updated: 1, unchanged: 5 });
    const after = await digests(orgId);
    expect(Object.keys(after).filter((k) => after[k] !== before[k])).toEqual(["acc-2"]);
    expect(after["acc-2"]).not.toBeNull();
    expect((await run(changed)).unchanged).toBe("stored");
    // The old file is now a change of acc-2 again.
    const back = await run(path);
    expect({ unchanged: back.unchanged, updated: back.plan.summary.accounts.updated }).toEqual({ unchanged: undefined, updated: 1 });
  });

  it("is cleared by an edit in the app, so the next import of the same file applies it again", { timeout: 120_000 }, async () => {
    const { orgId, scope, path, run } = await portfolio();
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId, externalId: "acc-1" } });
    const login = await db.login.findFirstOrThrow({ where: { orgId, accountId: account.id, externalId: "l-1-1" } });
    const grantsOf = () => db.permissionGrant.findMany({ where: { loginId: login.id }, select: { toolId: true, level: true, marketplace: true }, orderBy: { toolId: "asc" } });
    const imported = await grantsOf();
    await setLoginPermissions(scope, setPermissionsSchema.parse({ accountId: account.id, version: String(account.version), loginId: login.id, "g.USER_PERMISSIONS": "ADMIN" }));
    const cleared = await digests(orgId);
    expect(Object.entries(cleared).filter(([, d]) => d === null).map(([k]) => k)).toEqual(["acc-1"]);

    const result = await run(path);
    expect({ unchanged: result.unchanged, written: result.written, accounts: result.plan.summary.accounts }).toEqual({ unchanged: undefined, written: true, accounts: { created: 0, updated: 1, unchanged: 5 } });
    expect(await grantsOf()).toEqual(imported);
    expect(Object.values(await digests(orgId)).every((d) => d !== null)).toBe(true);
    expect((await run(path)).unchanged).toBe("stored");
  });

  it("is cleared on every account of a person edited elsewhere, by the app or by another import", { timeout: 120_000 }, async () => {
    const { orgId, scope, path, run } = await portfolio();
    const agency = SHARED;
    const theirs = ["acc-0", "acc-1", "acc-2"];
    const cleared = async () => Object.entries(await digests(orgId)).filter(([, d]) => d === null).map(([k]) => k);

    const person = await db.person.findFirstOrThrow({ where: { orgId, externalId: agency } });
    await updatePerson(scope, updatePersonSchema.parse({ personId: person.id, version: String(person.version), name: "Renamed in the app", email: "", company: person.company ?? "", external: "yes", departedAt: "" }));
    expect(await cleared()).toEqual(theirs);
    const applied = await run(path);
    expect({ unchanged: applied.unchanged, people: applied.plan.summary.people.updated }).toEqual({ unchanged: undefined, people: 1 });
    expect(await cleared()).toEqual([]);

    // Another file (the first of those accounts alone, the person renamed in it): the import's own write of
    // the person clears the digests of the person's other accounts, which that file did not list.
    const [one, ...others] = theirs;
    const renamed = await edited(path, "person", (rows) =>
      rows.filter((c) => c[COLUMNS.account] === one).map((c) => (c[COLUMNS.person] === agency ? c.map((v, i) => (i === COLUMNS.name ? "Renamed by a file" : v)) : c)),
    );
    const other = await run(renamed);
    expect({ written: other.written, people: other.plan.summary.people.updated }).toEqual({ written: true, people: 1 });
    expect(await cleared()).toEqual(others);
    const restored = await run(path);
    expect({ unchanged: restored.unchanged, people: restored.plan.summary.people.updated }).toEqual({ unchanged: undefined, people: 1 });
    expect((await db.person.findFirstOrThrow({ where: { id: person.id } })).name).toBe(`Person ${agency}`);
  });

  // Decision 032, stop 28: an app write that commits while an import runs, to an account the import found
  // unchanged, must leave that account without a digest (the import's plan did not see the edit), so that
  // the next import of the same file applies the file over the edit. The hook pauses the import inside its
  // transaction after its plan and before it stores the digests; the edit commits on another connection.
  it("is not stored over an app edit that committed while the import ran (whole plan)", { timeout: 120_000 }, async () => {
    const { orgId, scope, path, run } = await portfolio();
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId, externalId: "acc-4" } });
    const login = await db.login.findFirstOrThrow({ where: { orgId, accountId: account.id, externalId: "l-4-2" } });
    const grantsOf = () => db.permissionGrant.findMany({ where: { loginId: login.id }, select: { toolId: true, level: true, marketplace: true }, orderBy: { toolId: "asc" } });
    const imported = await grantsOf();
    const changed = await edited(path, "status", (lines) =>
      lines.map((c) => (c[COLUMNS.login] === "l-2-3" ? c.map((v, i) => (i === COLUMNS.status ? (v === "ACTIVE" ? "DISABLED" : "ACTIVE") : v)) : c)),
    );
    // acc-4 shares no person with acc-2: the app write waits on no row the import wrote.
    const beforeStoringDigests = async () => {
      await setLoginPermissions(scope, setPermissionsSchema.parse({ accountId: account.id, version: String(account.version), loginId: login.id, "g.USER_PERMISSIONS": "ADMIN" }));
    };
    const result = await run(changed, { beforeStoringDigests });
    expect({ written: result.written, accounts: result.plan.summary.accounts }).toEqual({ written: true, accounts: { created: 0, updated: 1, unchanged: 5 } });
    expect(await grantsOf()).not.toEqual(imported);
    const after = await digests(orgId);
    expect(Object.entries(after).filter(([, d]) => d === null).map(([k]) => k)).toEqual(["acc-4"]);

    const again = await run(changed);
    expect({ unchanged: again.unchanged, written: again.written, accounts: again.plan.summary.accounts }).toEqual({ unchanged: undefined, written: true, accounts: { created: 0, updated: 1, unchanged: 5 } });
    expect(await grantsOf()).toEqual(imported);
    expect((await run(changed)).unchanged).toBe("stored");
  });

  it("is not stored over an app edit that committed while the import ran (staged proof of the same file)", { timeout: 120_000 }, async () => {
    const { orgId, scope, path, run } = await portfolio();
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId, externalId: "acc-4" } });
    const login = await db.login.findFirstOrThrow({ where: { orgId, accountId: account.id, externalId: "l-4-2" } });
    const grantsOf = () => db.permissionGrant.findMany({ where: { loginId: login.id }, select: { toolId: true, level: true, marketplace: true }, orderBy: { toolId: "asc" } });
    const imported = await grantsOf();
    // No digest stored: the same file is proved by the staged rows (unchanged.ts), which then stores them.
    await db.$executeRawUnsafe(`UPDATE "SellerAccount" SET "importDigest" = NULL WHERE "orgId" = $1`, orgId);
    const beforeStoringDigests = async () => {
      await setLoginPermissions(scope, setPermissionsSchema.parse({ accountId: account.id, version: String(account.version), loginId: login.id, "g.USER_PERMISSIONS": "ADMIN" }));
    };
    const same = await run(path, { beforeStoringDigests });
    expect({ unchanged: same.unchanged, written: same.written }).toEqual({ unchanged: "staged", written: false });
    const after = await digests(orgId);
    expect(Object.entries(after).filter(([, d]) => d === null).map(([k]) => k)).toEqual(["acc-4"]);

    const again = await run(path);
    expect({ unchanged: again.unchanged, written: again.written, accounts: again.plan.summary.accounts }).toEqual({ unchanged: undefined, written: true, accounts: { created: 0, updated: 1, unchanged: 5 } });
    expect(await grantsOf()).toEqual(imported);
    expect((await run(path)).unchanged).toBe("stored");
  });

  // Why each writer's mark names its transaction: an account already cleared before the import (here by a
  // user added to a login, which the staged proof does not compare) holds a mark when the import reads it; a
  // second edit during the import must still differ from that mark (a constant mark would not).
  it("is not stored over an app edit during the import of an account another writer had already cleared", { timeout: 120_000 }, async () => {
    const { orgId, scope, path, run } = await portfolio();
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId, externalId: "acc-4" } });
    const login = await db.login.findFirstOrThrow({ where: { orgId, accountId: account.id, externalId: "l-4-2" } });
    const grantsOf = () => db.permissionGrant.findMany({ where: { loginId: login.id }, select: { toolId: true, level: true, marketplace: true }, orderBy: { toolId: "asc" } });
    const imported = await grantsOf();
    const other = await db.person.findFirstOrThrow({ where: { orgId, id: { not: login.personId } } });
    await db.loginUser.create({ data: { orgId, loginId: login.id, personId: other.id } });
    const marked = (await db.sellerAccount.findFirstOrThrow({ where: { id: account.id } })).importDigest;
    expect(marked).toMatch(new RegExp(`^${CLEARED_MARK}\\d+$`));
    const beforeStoringDigests = async () => {
      const now = await db.sellerAccount.findFirstOrThrow({ where: { id: account.id } });
      await setLoginPermissions(scope, setPermissionsSchema.parse({ accountId: account.id, version: String(now.version), loginId: login.id, "g.USER_PERMISSIONS": "ADMIN" }));
    };
    const same = await run(path, { beforeStoringDigests });
    expect({ unchanged: same.unchanged, written: same.written }).toEqual({ unchanged: "staged", written: false });
    const after = (await db.sellerAccount.findFirstOrThrow({ where: { id: account.id } })).importDigest;
    expect(after).toMatch(new RegExp(`^${CLEARED_MARK}\\d+$`));
    expect(after).not.toBe(marked);

    const again = await run(path);
    expect({ unchanged: again.unchanged, written: again.written, accounts: again.plan.summary.accounts }).toEqual({ unchanged: undefined, written: true, accounts: { created: 0, updated: 1, unchanged: 5 } });
    expect(await grantsOf()).toEqual(imported);
  });

  it("is not stored by a dry run", { timeout: 120_000 }, async () => {
    const { orgId, scope, path, run } = await portfolio();
    const account = await db.sellerAccount.findFirstOrThrow({ where: { orgId, externalId: "acc-3" } });
    const login = await db.login.findFirstOrThrow({ where: { orgId, accountId: account.id, externalId: "l-3-0" } });
    await setLoginPermissions(scope, setPermissionsSchema.parse({ accountId: account.id, version: String(account.version), loginId: login.id, "g.USER_PERMISSIONS": "VIEW" }));
    const before = await digests(orgId);
    expect(before["acc-3"]).toBeNull();
    const preview = await run(path, { dryRun: true });
    expect({ unchanged: preview.unchanged, written: preview.written, updated: preview.plan.summary.accounts.updated }).toEqual({ unchanged: undefined, written: false, updated: 1 });
    expect(await digests(orgId)).toEqual(before);
    // Nor by a dry run that finds the file unchanged without the stored digests (unchanged.ts).
    await run(path);
    await db.$executeRawUnsafe(`UPDATE "SellerAccount" SET "importDigest" = NULL WHERE "orgId" = $1`, orgId);
    const same = await run(path, { dryRun: true });
    expect(same.unchanged).toBe("staged");
    expect(Object.values(await digests(orgId)).every((d) => d === null)).toBe(true);
    // The same without a dry run stores them.
    expect((await run(path)).unchanged).toBe("staged");
    expect((await run(path)).unchanged).toBe("stored");
  });
});
