import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { testDb } from "@/tests/support/db";
import { createTenant, daysAgo, importSnapshot, scopeFor } from "@/tests/support/factories";
import { startCampaign } from "@/lib/db/reviews/start-campaign";
import { en } from "@/lib/i18n/messages/validation/en";
import { executeAction, type ActionDefinition } from "./define-action";

// A review decision is chosen, never assumed (probe 45, M4): a post of the decision form or the bulk form without a
// decision — what Enter in the comment sends once the select starts on "Choose…" — is refused by the server's own
// parse with words that say so, and records nothing: the item stays undecided and the campaign open.

vi.mock("@/lib/auth/scope", () => ({ getScope: async () => null, getSessionId: async () => null, ORG_COOKIE: "gh_org" }));

const db = testDb();
afterAll(() => db.$disconnect());

async function actions() {
  const module = (await import("@/app/(app)/reviews/actions")) as unknown as Record<string, { definition: ActionDefinition }>;
  return { decide: module.decideItemAction.definition, bulk: module.decideItemsAction.definition };
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

async function campaignWithOneItem() {
  const tenant = await createTenant(db);
  const ids = await importSnapshot(db, tenant.orgId, {
    format: "gatehouse.snapshot/v1",
    people: [{ id: "p-1", name: "Staff", external: false, company: null, departedAt: null }],
    devices: [],
    accounts: [{
      id: "acc", storeName: "Decision Store", sellerId: `A${randomUUID().slice(0, 8).toUpperCase()}`, region: "JP", marketplaces: ["JP"], plan: "PROFESSIONAL", status: "ACTIVE", lastVerifiedAt: daysAgo(5),
      logins: [{ id: "l-1", role: "PRIMARY", email: "staff@shop.example", personId: "p-1", status: "ACTIVE", lastLoginAt: daysAgo(1), passwordChangedAt: daysAgo(10),
        twoStep: [{ kind: "AUTHENTICATOR_APP", role: "PRIMARY" }, { kind: "AUTHENTICATOR_APP", role: "BACKUP" }], permissions: [] }],
      partners: [], apps: [], otherAccess: [],
    }],
  });
  const scope = await scopeFor(tenant.userId);
  const campaign = await startCampaign(scope, { name: "Q4", clientIds: [], accountIds: [ids("account", "acc")], reviewerIds: [tenant.userId], dueOn: "2099-12-31", recurrence: "NONE" });
  const item = await db.reviewItem.findFirstOrThrow({ where: { campaignId: campaign.id } });
  return { scope, campaignId: campaign.id, itemId: item.id };
}

async function nothingRecorded(campaignId: string, itemId: string) {
  expect(await db.reviewItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({ decision: null });
  expect(await db.reviewCampaign.findUniqueOrThrow({ where: { id: campaignId } })).toMatchObject({ status: "OPEN" });
}

describe("a review decision without a decision", () => {
  it.each([["left out", {}], ["empty (Choose…)", { decision: "" }]])("one item's form, decision %s: refused in words, nothing recorded", async (_, decision) => {
    const { scope, campaignId, itemId } = await campaignWithOneItem();
    const state = await executeAction((await actions()).decide, scope, form({ itemId, comment: "fine", ...decision }));
    expect(state).toMatchObject({ ok: false, error: "INVALID_INPUT", fieldErrors: { decision: "validation.review.decisionRequired" } });
    expect(en["validation.review.decisionRequired"]).toMatch(/keep, reduce or remove/i);
    await nothingRecorded(campaignId, itemId);
  });

  it("the bulk form without a decision: refused in words, nothing recorded", async () => {
    const { scope, campaignId, itemId } = await campaignWithOneItem();
    const state = await executeAction((await actions()).bulk, scope, form({ campaignId, itemIds: [itemId], decision: "", confirm: "yes" }));
    expect(state).toMatchObject({ ok: false, error: "INVALID_INPUT", fieldErrors: { decision: "validation.review.decisionRequired" } });
    await nothingRecorded(campaignId, itemId);
  });

  it("the same form with Keep chosen records it", async () => {
    const { scope, itemId } = await campaignWithOneItem();
    expect(await executeAction((await actions()).decide, scope, form({ itemId, decision: "KEEP", comment: "" }))).toMatchObject({ ok: true });
    expect(await db.reviewItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({ decision: "KEEP" });
  });
});
