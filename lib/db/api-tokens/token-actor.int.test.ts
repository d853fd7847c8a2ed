import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postSnapshots } from "@/app/api/v1/snapshots/route";
import { interpolate } from "@/lib/i18n/format";
import { messages, type MessageKey } from "@/lib/i18n/messages";
import { apiTokenActorText, provenanceText } from "@/lib/i18n/provenance-text";
import { callApi } from "@/tests/support/api";
import { testDb } from "@/tests/support/db";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { readAccountPageModel } from "../accounts/account-page-model";
import { markAccountVerified } from "../accounts/account-writes";
import { listAccountHistory } from "../history";
import { readPersonPageRow } from "../people/read-people";
import type { Scope } from "../scope";
import { syncToolCatalogue } from "../tools";
import { createApiToken, revokeApiToken } from "./tokens";

// New-user pass 45, F2 (decision 094): a verification date posted through an API token was credited to the Owner the
// token acts as ("… に Fujita Akane が照合") though a script wrote it. It is credited to the token, on the account
// page, in its history and on the person page; the token's secret is stored nowhere.
const db = testDb();
const tIn = (locale: "ja" | "en") => (key: MessageKey, vars: Record<string, string | number> = {}) => interpolate(messages[locale][key], vars, locale);

const snapshot = {
  format: "gatehouse.snapshot/v1",
  people: [{ id: "p-sato", name: "Sato Hana" }],
  devices: [{ id: "d-1", kind: "AUTHENTICATOR_APP", label: "Authenticator", holderId: "p-sato" }],
  accounts: [
    {
      id: "acc-token", storeName: "Token Tea", sellerId: "A2TOKENACTOR1", region: "JP", plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: "2026-12-01",
      logins: [{ id: "l-1", role: "PRIMARY", email: "owner@token.example", personId: "p-sato", status: "ACTIVE", twoStep: [{ kind: "AUTHENTICATOR_APP", role: "PRIMARY", deviceId: "d-1" }] }],
    },
  ],
};

let owner: Scope;
let token: string;
let tokenId: string;
let accountId: string;

beforeAll(async () => {
  await syncToolCatalogue(db);
  const tenant = await createTenant(db);
  await db.user.update({ where: { id: tenant.userId }, data: { name: "Fujita Akane" } });
  owner = await scopeFor(tenant.userId);
  ({ token, id: tokenId } = await createApiToken(owner, { name: "nightly", scope: "write", clientIds: [], expiresOn: null }));
  const answer = await callApi(postSnapshots, { method: "POST", path: "/api/v1/snapshots", token, body: JSON.stringify(snapshot) });
  expect(answer.status, answer.text).toBe(200);
  // The script posts again with a backup method: the single-method findings resolve, through the token.
  const withBackup = structuredClone(snapshot) as typeof snapshot & { devices: object[] };
  withBackup.devices.push({ id: "d-2", kind: "AUTHENTICATOR_APP", label: "Backup authenticator", holderId: "p-sato" });
  withBackup.accounts[0].logins[0].twoStep.push({ kind: "AUTHENTICATOR_APP", role: "BACKUP", deviceId: "d-2" });
  const again = await callApi(postSnapshots, { method: "POST", path: "/api/v1/snapshots", token, body: JSON.stringify(withBackup) });
  expect(again.status, again.text).toBe(200);
  accountId = (await db.sellerAccount.findFirstOrThrow({ where: { orgId: owner.orgId, externalId: "acc-token" } })).id;
});
afterAll(() => db.$disconnect());

describe("a write through an API token is credited to the token", () => {
  it("the account page says the token verified it, and its logins were recorded by it, not the Owner", async () => {
    const page = await readAccountPageModel(owner, accountId, { labels: false });
    expect(page.provenance.account).toMatchObject({ source: "API", verifiedBy: null, verifiedByToken: { name: "nightly", revoked: false } });
    expect(provenanceText(page.provenance.account, tIn("ja"))).toBe("2026-12-01 に APIトークン「nightly」 がSeller Centralと照合");
    expect(provenanceText(page.provenance.account, tIn("en"))).toBe("verified against Seller Central on 2026-12-01 by API token “nightly”");
    const [login] = page.provenance.logins.values();
    expect(login).toMatchObject({ verifiedBy: null, verifiedByToken: { name: "nightly", revoked: false } });
    expect(provenanceText(login, tIn("en"))).not.toContain("Fujita");
  });

  it("the history names the token for the change and the findings it resolved, on the page and in the history list", async () => {
    const page = await readAccountPageModel(owner, accountId, { labels: false });
    const created = page.history.find((e) => e.action === "account.created")!;
    expect(created.actorToken).toEqual({ name: "nightly", revoked: false });
    expect(apiTokenActorText(created.actorToken!, tIn("en"))).toBe("API token “nightly”");
    const resolved = page.history.filter((e) => e.action === "finding.resolved");
    expect(resolved.length).toBeGreaterThan(0);
    for (const e of resolved) expect(e.actorToken).toEqual({ name: "nightly", revoked: false });
    const listed = await listAccountHistory(owner, accountId);
    expect(listed.find((e) => e.action === "account.created")!.actorToken).toEqual({ name: "nightly", revoked: false });
  });

  it("the trail keeps the token's id beside the member it acts for; its secret is stored nowhere", async () => {
    const events = await db.auditEvent.findMany({ where: { orgId: owner.orgId, accountId } });
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e).toMatchObject({ actorTokenId: tokenId, actorUserId: owner.userId });
    const account = await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(account.verifiedById).toBe(tokenId);
    const stored = JSON.stringify([events, account, await db.login.findMany({ where: { accountId } })], (_, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(stored).not.toContain(token);
  });

  it("the person page names the token that recorded the person", async () => {
    const person = await db.person.findFirstOrThrow({ where: { orgId: owner.orgId, externalId: "p-sato" } });
    const row = await readPersonPageRow(owner, person.id);
    expect(row.verifiedBy).toBeNull();
    expect(row.verifiedByToken).toEqual({ name: "nightly", revoked: false });
  });

  it("a revoked token is still named, and said to be revoked; a member's own check is credited to the member", async () => {
    await revokeApiToken(owner, tokenId);
    let page = await readAccountPageModel(owner, accountId, { labels: false });
    expect(provenanceText(page.provenance.account, tIn("en"))).toBe("verified against Seller Central on 2026-12-01 by API token “nightly” (revoked)");
    expect(page.history.find((e) => e.action === "account.created")!.actorToken).toEqual({ name: "nightly", revoked: true });

    const { version } = await db.sellerAccount.findUniqueOrThrow({ where: { id: accountId }, select: { version: true } });
    await markAccountVerified(owner, accountId, version);
    page = await readAccountPageModel(owner, accountId, { labels: false });
    expect(page.provenance.account).toMatchObject({ verifiedBy: "Fujita Akane", verifiedByToken: null });
    const verified = page.history.find((e) => e.action === "account.verified")!;
    expect(verified).toMatchObject({ actor: "Fujita Akane", actorToken: null });
  });
});
