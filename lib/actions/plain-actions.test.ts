import { beforeEach, describe, expect, it, vi } from "vitest";

// The actions that do not go through defineAction (plain `<form action>`s, and useActionState actions that read
// their form themselves) posted with something else where the form goes: each answers as it does to an empty or
// invalid form, before reading a session, a cookie or the database. These threw a TypeError (a 500).
// The same calls over HTTP: e2e/malformed-action-calls.spec.ts.
const request = vi.hoisted(() => ({ cookiesSet: [] as string[], scopeAsked: 0 }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: (name: string) => void request.cookiesSet.push(name) }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { to });
  },
}));
vi.mock("@/auth", () => ({ signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("@/lib/auth/scope", () => ({
  getScope: async () => {
    request.scopeAsked++;
    return { userId: "u", orgId: "o", membershipOrgId: "o", memberships: [{ orgId: "o" }, { orgId: "p" }], role: "OWNER", requireTwoFactor: false, twoFactorEnabled: true };
  },
  getSessionId: async () => null,
  ORG_COOKIE: "gh_org",
}));

const { setLocaleAction } = await import("./locale");
const { switchOrgAction } = await import("./switch-org");
const { signInAction } = await import("@/app/signin/actions");
const { importSnapshotAction } = await import("@/app/(app)/import/actions");
const { completeSetupAction } = await import("@/app/setup/actions");
const { acceptAsNewUserAction, acceptAsUserAction } = await import("@/app/invite/[token]/actions");

type Loose = (...args: unknown[]) => Promise<unknown>;
const loose = (action: unknown) => action as Loose;
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const state = { ok: false, seq: 0 };
const NOT_A_FORM: [string, unknown][] = [["a string", "locale=en"], ["a number", 42], ["a plain object", { locale: "en", orgId: "p" }], ["null", null], ["nothing", undefined], ["an array", [["locale", "en"]]]];

beforeEach(() => {
  request.cookiesSet = [];
  request.scopeAsked = 0;
});

describe("a plain form action posted without its form does nothing", () => {
  it.each(NOT_A_FORM)("setLocaleAction given %s sets no cookie", async (_, posted) => {
    await expect(loose(setLocaleAction)(posted)).resolves.toBeUndefined();
    expect(request.cookiesSet).toEqual([]);
  });

  it("setLocaleAction given a previous state before its form sets no cookie; given its form, it does", async () => {
    await loose(setLocaleAction)(state, form({ locale: "en" }));
    expect(request.cookiesSet).toEqual([]);
    await setLocaleAction(form({ locale: "en" }));
    expect(request.cookiesSet).toEqual(["gh_locale"]);
  });

  it.each([...NOT_A_FORM, ["the organisation's id alone", "p"] as [string, unknown]])("switchOrgAction given %s goes back to the overview, switching nothing", async (_, posted) => {
    await expect(loose(switchOrgAction)(posted)).rejects.toMatchObject({ to: "/" });
    await expect(loose(switchOrgAction)(state, form({ orgId: "p" }))).rejects.toMatchObject({ to: "/" });
    expect(request.cookiesSet).toEqual([]);
  });
});

describe("a useActionState action that reads its form itself, posted without it, refuses", () => {
  it.each(NOT_A_FORM)("given %s for the form", async (_, posted) => {
    expect(await loose(signInAction)({ error: null, email: "", needsCode: false, seq: 2 }, posted)).toEqual({ error: "invalid", email: "", needsCode: false, seq: 3 });
    expect(await loose(importSnapshotAction)({ seq: 0, stage: "input" }, posted)).toEqual({ seq: 1, stage: "input", error: "INVALID_INPUT" });
    for (const action of [completeSetupAction, acceptAsNewUserAction, acceptAsUserAction]) expect(await loose(action)(state, posted)).toMatchObject({ ok: false, seq: 1, error: "INVALID_INPUT" });
    // Refused before the session is read or anything is set.
    expect(request.scopeAsked).toBe(0);
    expect(request.cookiesSet).toEqual([]);
  });

  it("given its form first and nothing second", async () => {
    const posted = form({ email: "owner@example.com", password: "x", token: "t".repeat(40) });
    expect(await loose(signInAction)(posted)).toMatchObject({ error: "invalid", seq: 1 });
    expect(await loose(importSnapshotAction)(posted)).toMatchObject({ stage: "input", error: "INVALID_INPUT", seq: 1 });
    for (const action of [completeSetupAction, acceptAsNewUserAction, acceptAsUserAction]) expect(await loose(action)(posted)).toMatchObject({ ok: false, seq: 1, error: "INVALID_INPUT" });
    expect(request.scopeAsked).toBe(0);
  });
});
