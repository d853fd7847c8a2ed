import { describe, expect, it } from "vitest";
import { accountParamsSchema, accountsQuerySchema, findingsQuerySchema, snapshotQuerySchema } from "./api";
import { CONTROL_CHARACTER_KEY } from "./text";

// /api/v1 reads external ids and client names from the path and the query; a NUL reached PostgreSQL (22021) and
// answered 500. A path id that cannot exist is not found (the wrapper's 404); a query value is an invalid_request.
describe("ids and names /api/v1 reads", () => {
  it("an account id in the path: a control character is refused (→ 404 not_found)", () => {
    expect(accountParamsSchema.safeParse({ id: "kumo" }).success).toBe(true);
    for (const id of ["\u0000x", "a\u001fb", "a\u007f", "", "a".repeat(201)]) expect(accountParamsSchema.safeParse({ id }).success).toBe(false);
  });

  it.each([
    ["accounts ?client=", (v: string) => accountsQuerySchema.safeParse({ client: v }), "client"],
    ["findings ?account=", (v: string) => findingsQuerySchema.safeParse({ account: v }), "account"],
    ["snapshot(s) ?client=", (v: string) => snapshotQuerySchema.safeParse({ client: v }), "client"],
  ])("%s: one line; a control character is a problem at its path, worded by the forms' key", (_, parse, key) => {
    expect(parse("E2E Client / 顧客").success).toBe(true);
    for (const bad of ["\u0000x", "a\u0001", "a\nb"]) {
      const parsed = parse(bad);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([[key, CONTROL_CHARACTER_KEY]]);
    }
  });
});
