import { describe, expect, it } from "vitest";
import { taskFilterSchema } from "./reviews";

describe("the tasks page's filter (from the address bar)", () => {
  it("keeps a client id", () => {
    expect(taskFilterSchema.parse({ status: "ALL", client: "c-1" })).toEqual({ status: "ALL", client: "c-1" });
  });

  it("drops a client or assignee id holding a control character instead of failing the page (a NUL answered 500)", () => {
    for (const bad of ["\u0000x", "c\u00011", "c\u007f"]) {
      expect(taskFilterSchema.parse({ status: "OPEN", client: bad, assignee: bad })).toEqual({ status: "OPEN" });
    }
  });
});
