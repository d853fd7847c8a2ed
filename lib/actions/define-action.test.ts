import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Scope } from "@/lib/db/scope";
import { AppError } from "@/lib/errors";
import { messages } from "@/lib/i18n/messages";

// The wrapper itself (what executeAction's key-based answers become on the way to a form), with the session
// and the request's cookies stubbed: the authorisation matrix (action-matrix.int.test.ts) covers the rest.
const request = vi.hoisted(() => ({ scope: null as unknown, locale: "ja" }));
vi.mock("@/lib/auth/scope", () => ({ getScope: async () => request.scope }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: (name: string) => (name === "gh_locale" ? { value: request.locale } : undefined) }) }));

const { defineAction } = await import("./define-action");

const scope = { userId: "u", orgId: "o", membershipOrgId: "o", orgName: "O", portal: null, role: "OWNER", clientIds: null, requireTwoFactor: false, twoFactorEnabled: true } as unknown as Scope;
const action = defineAction(z.object({ name: z.string().max(3, "validation.tooLong") }), async (_scope, input) => {
  if (input.name === "old") throw Object.assign(new AppError("CONFLICT"), { current: { name: "new" } });
  if (input.name === "dup") throw new AppError("INVALID_INPUT", "validation.clientNameTaken", { name: "validation.clientNameTaken" });
  return { saved: input.name };
});
const form = (name: string) => {
  const data = new FormData();
  data.set("name", name);
  return data;
};

describe("defineAction's answer", () => {
  beforeEach(() => {
    request.scope = scope;
    request.locale = "ja";
  });

  it("names a field's refusal by its key and says it in the reader's language", async () => {
    const state = await action({ ok: false, seq: 0 }, form("toolong"));
    expect(state).toMatchObject({ ok: false, seq: 1, error: "INVALID_INPUT", fieldErrors: { name: "validation.tooLong" } });
    // The limit comes from the schema that refused it, for the form to name.
    expect(state.limits).toEqual({ name: 3 });
    // With the sentence the form fills in with the field's limit and the length typed (lib/forms/too-long.ts).
    expect(state.said).toEqual({ INVALID_INPUT: messages.ja["error.INVALID_INPUT"], "validation.tooLong": messages.ja["validation.tooLong"], "validation.tooLongTyped": messages.ja["validation.tooLongTyped"] });
    request.locale = "en";
    expect((await action({ ok: false, seq: 0 }, form("toolong"))).said?.["validation.tooLong"]).toBe(messages.en["validation.tooLong"]);
  });

  it("says a lib refusal's field error and, on a stale edit, the words shown with the current values", async () => {
    expect((await action({ ok: false, seq: 0 }, form("dup"))).said?.["validation.clientNameTaken"]).toBe(messages.ja["validation.clientNameTaken"]);
    const stale = await action({ ok: false, seq: 4 }, form("old"));
    expect(stale).toMatchObject({ seq: 5, error: "CONFLICT", current: { name: "new" } });
    expect(stale.said?.["form.conflictWithCurrent"]).toBe(messages.ja["form.conflictWithCurrent"]);
    expect(stale.said?.["form.currentValue"]).toBe(messages.ja["form.currentValue"]);
  });

  it("says why when signed out, and adds nothing to a success", async () => {
    request.scope = null;
    expect((await action({ ok: false, seq: 0 }, form("a"))).said).toEqual({ UNAUTHENTICATED: messages.ja["error.UNAUTHENTICATED"] });
    request.scope = scope;
    expect(await action({ ok: false, seq: 0 }, form("abc"))).toEqual({ ok: true, seq: 1, data: { saved: "abc" } });
  });
});

// Anyone holding a page can post an action with another argument list than (previous state, form): each is refused
// as invalid input, the handler never runs, and the answer is still numbered. These threw a TypeError (a 500).
describe("defineAction posted without its form", () => {
  const handled = vi.fn(async () => undefined);
  const counted = defineAction(z.object({ name: z.string() }), handled);
  const call = counted as unknown as (...args: unknown[]) => Promise<Awaited<ReturnType<typeof counted>>>;

  beforeEach(() => {
    request.scope = scope;
    request.locale = "ja";
    handled.mockClear();
  });

  it.each([
    ["no arguments", []],
    ["a string for the form", [{ ok: false, seq: 0 }, "name=a"]],
    ["a number for the form", [{ ok: false, seq: 0 }, 42]],
    ["a plain object for the form", [{ ok: false, seq: 0 }, { name: "a" }]],
    ["null for the form", [{ ok: false, seq: 0 }, null]],
    ["an array for the form", [{ ok: false, seq: 0 }, [["name", "a"]]]],
    ["the form first, nothing second", [form("a")]],
  ])("refuses %s as invalid input and does nothing", async (_, args) => {
    const state = await call(...args);
    expect(state).toMatchObject({ ok: false, seq: 1, error: "INVALID_INPUT" });
    expect(state.said).toEqual({ INVALID_INPUT: messages.ja["error.INVALID_INPUT"] });
    expect(handled).not.toHaveBeenCalled();
  });

  it("numbers its answer after a previous state that is not one, and still acts on a form", async () => {
    expect(await call("not a state", form("a"))).toEqual({ ok: true, seq: 1 });
    expect(await call({ seq: "x" }, form("a"))).toEqual({ ok: true, seq: 1 });
    expect(handled).toHaveBeenCalledTimes(2);
  });
});
