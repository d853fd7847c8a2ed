import { describe, expect, it, vi } from "vitest";
import { testDb } from "@/tests/support/db";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { executeAction, type ActionDefinition } from "./define-action";

// An action posted with something else where its form goes (lib/actions/form-data.ts) is refused as invalid
// input before anything else, by a Member who could otherwise act, and nothing is written. It threw a TypeError.

vi.mock("@/lib/auth/scope", () => ({ getScope: async () => null, getSessionId: async () => null, ORG_COOKIE: "gh_org" }));

const db = testDb();

async function saveView() {
  const module = (await import("@/app/(app)/accounts/actions")) as unknown as Record<string, { definition: ActionDefinition }>;
  return module.saveViewAction.definition;
}

describe("an action posted without its form", () => {
  it.each([
    ["a string", "name=重大のみ&query=severity%3Dhigh"],
    ["a number", 42],
    ["a plain object", { name: "重大のみ", query: "severity=high" }],
    ["null", null],
    ["nothing", undefined],
    ["an array", [["name", "重大のみ"], ["query", "severity=high"]]],
  ])("%s for the form: INVALID_INPUT, nothing saved", async (_, posted) => {
    const tenant = await createTenant(db);
    const state = await executeAction(await saveView(), await scopeFor(tenant.userId), posted, 3);
    expect(state).toEqual({ ok: false, seq: 3, error: "INVALID_INPUT" });
    expect(await db.savedView.count({ where: { orgId: tenant.orgId } })).toBe(0);
  });

  it("refuses it even signed out: the call is malformed before anyone is asked about", async () => {
    expect(await executeAction(await saveView(), null, "name=x")).toEqual({ ok: false, seq: 1, error: "INVALID_INPUT" });
  });
});
