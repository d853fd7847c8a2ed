import { afterAll, describe, expect, it, vi } from "vitest";
import { executeAction, type ActionDefinition, type ActionState } from "@/lib/actions/define-action";
import { answerSentences } from "@/lib/i18n/form-messages";
import { translatorFor } from "@/lib/i18n/per-locale";
import type { Scope } from "@/lib/db/scope";
import { createTenant, scopeFor } from "@/tests/support/factories";
import { testDb } from "@/tests/support/db";

// New-user pass 45, M1 (decision 101): a name with a zero-width space is refused where it is typed, and a name stored
// with one before that (it cannot be edited away by a migration) still counts in the "same name" checks.
vi.mock("@/lib/auth/scope", () => ({ getScope: async () => null, getSessionId: async () => null, ORG_COOKIE: "gh_org" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, getAll: () => [] }), headers: async () => new Headers() }));

const db = testDb();
afterAll(() => db.$disconnect());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
async function run(action: { definition: unknown }, scope: Scope, fields: Record<string, string>): Promise<ActionState> {
  try {
    return await executeAction(action.definition as ActionDefinition, scope, form(fields));
  } catch (error) {
    if (String((error as { digest?: unknown }).digest ?? "").startsWith("NEXT_REDIRECT")) return { ok: true, seq: 1 };
    throw error;
  }
}
const person = { email: "", company: "", external: "no", departedAt: "" };

describe("invisible characters in names", () => {
  it("a person: refused with where it is; one stored before is asked about as the same name", async () => {
    const { createPersonAction } = await import("@/app/(app)/people/[id]/actions");
    const { orgId, userId } = await createTenant(db);
    const scope = await scopeFor(userId);
    const refused = await run(createPersonAction, scope, { ...person, name: "Probe Owner\u200B" });
    expect(refused).toMatchObject({ ok: false, error: "INVALID_INPUT", fieldErrors: { name: "validation.invisibleChar" }, values: { name: "Probe Owner\u200B" } });
    // The form fills the place in from what was typed; the answer carries the sentence to fill.
    expect(answerSentences(refused, translatorFor("en")).said?.["validation.invisibleCharAt"]).toContain("position {position} ({code})");
    expect(await db.person.count({ where: { orgId } })).toBe(0);

    // As stored before the rule (straight into the table), with the character in the middle.
    await db.person.create({ data: { orgId, name: "Probe\u200B Owner" } });
    const asked = await run(createPersonAction, scope, { ...person, name: "Probe Owner" });
    expect(asked).toMatchObject({ ok: false, fieldErrors: { name: "validation.personNameTaken" } });
    expect(await db.person.count({ where: { orgId } })).toBe(1);
  });

  it("a client: refused with where it is; one stored before makes its visible twin taken", async () => {
    const { createClientAction } = await import("@/app/(app)/clients/actions");
    const { orgId, userId } = await createTenant(db);
    const scope = await scopeFor(userId);
    expect(await run(createClientAction, scope, { name: "Probe Acme\u200F" })).toMatchObject({ ok: false, fieldErrors: { name: "validation.invisibleChar" } });
    await db.client.create({ data: { orgId, name: "Probe Acme\u200B" } });
    const taken = await run(createClientAction, scope, { name: "Probe Acme" });
    expect(taken).toMatchObject({ ok: false, fieldErrors: { name: "validation.clientNameTaken" } });
    expect(await db.client.count({ where: { orgId } })).toBe(1);
  });
});
