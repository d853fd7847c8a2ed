import { describe, expect, it, vi } from "vitest";
import { testDb } from "@/tests/support/db";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { executeAction, type ActionDefinition } from "./define-action";

// Every form refuses control characters before its schema runs (lib/forms/control-characters.ts): the
// field is named, and nothing is written.

vi.mock("@/lib/auth/scope", () => ({ getScope: async () => null, getSessionId: async () => null, ORG_COOKIE: "gh_org" }));

const db = testDb();

async function saveView() {
  const module = (await import("@/app/(app)/accounts/actions")) as unknown as Record<string, { definition: ActionDefinition }>;
  return module.saveViewAction.definition;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("control characters in a form", () => {
  it.each(["Critical\u0000", "\u202eweiv", "esc\u001b[31m"])("%j in a saved view's name: the field is named, nothing saved", async (name) => {
    const tenant = await createTenant(db);
    const state = await executeAction(await saveView(), await scopeFor(tenant.userId), form({ name, query: "severity=high" }));
    expect(state).toMatchObject({ ok: false, error: "INVALID_INPUT", fieldErrors: { name: "validation.controlChars" } });
    expect(await db.savedView.count({ where: { orgId: tenant.orgId } })).toBe(0);
  });

  it("the same form with a clean name saves", async () => {
    const tenant = await createTenant(db);
    const state = await executeAction(await saveView(), await scopeFor(tenant.userId), form({ name: "重大のみ", query: "severity=high" }));
    expect(state.ok).toBe(true);
    expect(await db.savedView.count({ where: { orgId: tenant.orgId } })).toBe(1);
  });
});
