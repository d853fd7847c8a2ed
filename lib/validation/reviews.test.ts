import { afterEach, describe, expect, it, vi } from "vitest";
import { dueDayError, findingTaskSchema, parseTaskFilterPage, startCampaignSchema, taskFilterSchema, withoutUnreachableTaskClient } from "./reviews";
import { utcToday } from "../days";
import { addDays } from "@/lib/dates";

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

describe("the tasks page's filter and what it did not apply", () => {
  it("keeps valid values and names nothing", () => {
    expect(parseTaskFilterPage({ status: "DONE", assignee: "me", client: "c-1" }, "u-1")).toEqual({
      filter: { status: "DONE", assignee: "u-1", client: "c-1" }, mine: true, ignored: [],
    });
    expect(parseTaskFilterPage({ status: "", assignee: "", client: "" }, "u-1")).toEqual({ filter: { status: "OPEN" }, mine: false, ignored: [] });
  });

  it("reads a status in any case (decision 101: /tasks?status=all was refused)", () => {
    expect(parseTaskFilterPage({ status: "all" }, "u-1")).toMatchObject({ filter: { status: "ALL" }, ignored: [] });
    expect(parseTaskFilterPage({ status: " Done " }, "u-1")).toMatchObject({ filter: { status: "DONE" }, ignored: [] });
  });

  it("names a status that is none (it falls back to open tasks), an assignee other than me, and a bad client id", () => {
    const { filter, mine, ignored } = parseTaskFilterPage({ status: "finished", assignee: ["bob", "me"], client: "c\u00001" }, "u-1");
    expect(filter).toEqual({ status: "OPEN" });
    expect(mine).toBe(false);
    expect(ignored).toEqual([
      { name: "status", value: "finished", reason: { kind: "oneOf", values: ["OPEN", "DONE", "ALL"] } },
      { name: "assignee", value: "bob", reason: { kind: "only", value: "me" } },
      { name: "assignee", value: "me", reason: { kind: "repeated" } },
      { name: "client", value: "c\uFFFD1", reason: { kind: "controlChar" } },
    ]);
  });

  it("applies a status, assignee or client id with spaces around it (a pasted link), as the accounts table does", () => {
    expect(parseTaskFilterPage({ status: "OPEN ", assignee: " me", client: " c-1 " }, "u-1")).toEqual({
      filter: { status: "OPEN", assignee: "u-1", client: "c-1" }, mine: true, ignored: [],
    });
    expect(parseTaskFilterPage({ status: "DONE\t" }, "u-1")).toMatchObject({ filter: { status: "DONE" }, ignored: [] });
  });

  it("names a parameter it does not read, once however often it is repeated", () => {
    expect(parseTaskFilterPage({ status: "ALL", stauts: ["DONE", "OPEN"] }, "u-1")).toEqual({
      filter: { status: "ALL" }, mine: false, ignored: [{ name: "stauts", value: "DONE", reason: { kind: "unknown", near: "status" } }],
    });
  });

  it("says a client id is too long when it is", () => {
    expect(parseTaskFilterPage({ client: "c".repeat(65) }, "u-1").ignored).toEqual([
      { name: "client", value: `${"c".repeat(40)}…`, reason: { kind: "tooLong", max: 64 } },
    ]);
  });
});

describe("the tasks page without a client filter that reaches no client (decision 099)", () => {
  it("drops the client and names it as the accounts page does, after status and assignee and before what the page does not read", () => {
    const page = parseTaskFilterPage({ status: "finished", assignee: "me", client: ["c-gone", "c-2"], stauts: "x" }, "u-1");
    const dropped = withoutUnreachableTaskClient(page);
    expect(dropped.filter).toEqual({ status: "OPEN", assignee: "u-1" });
    expect(dropped.mine).toBe(true);
    expect(dropped.ignored.map((i) => [i.name, i.value, i.reason.kind])).toEqual([
      ["status", "finished", "oneOf"], ["client", "c-gone", "noSuchClient"], ["client", "c-2", "repeated"], ["stauts", "x", "unknown"],
    ]);
    expect(withoutUnreachableTaskClient(parseTaskFilterPage({ client: " c-gone " }, "u-1"))).toEqual({
      filter: { status: "OPEN" }, mine: false, ignored: [{ name: "client", value: "c-gone", reason: { kind: "noSuchClient" } }],
    });
  });

  it("leaves a page without a client filter as it is (a bad id was named already)", () => {
    for (const raw of [{ status: "ALL" }, { client: "c\u00001" }]) {
      const page = parseTaskFilterPage(raw, "u-1");
      expect(withoutUnreachableTaskClient(page)).toEqual(page);
    }
  });
});

describe("a review's due date", () => {
  const form = (dueOn: string) => ({ name: "H1 review", clientIds: "c-1", accountIds: "", reviewerIds: "u-1", dueOn, recurrence: "SEMIANNUAL" });

  it("is today or later: before today is refused (stop 42: due 2026-01-01, started overdue)", () => {
    expect(dueDayError("2026-01-01", "2026-12-07")).toBe("validation.duePast");
    expect(dueDayError("2026-12-06", "2026-12-07")).toBe("validation.duePast");
    expect(dueDayError("2026-12-07", "2026-12-07")).toBeNull();
    expect(dueDayError("2027-06-07", "2026-12-07")).toBeNull();
  });

  it("is checked by the start form's schema with today's clock, once per bad field", () => {
    const today = utcToday();
    expect(startCampaignSchema.safeParse(form(addDays(today, -2))).error?.issues).toEqual([expect.objectContaining({ path: ["dueOn"], message: "validation.duePast" })]);
    expect(startCampaignSchema.safeParse(form("2026-13-45")).error?.issues).toEqual([expect.objectContaining({ path: ["dueOn"], message: "validation.date" })]);
    expect(startCampaignSchema.parse(form(today)).dueOn).toBe(today);
  });
});

describe("today is the earliest day it is anywhere (review 43: a user west of UTC was refused their own today)", () => {
  afterEach(() => vi.useRealTimers());
  const form = (dueOn: string) => ({ name: "H1 review", clientIds: "c-1", accountIds: "", reviewerIds: "u-1", dueOn, recurrence: "SEMIANNUAL" });

  it("lets the forms take a day that is still today somewhere, and nothing earlier", () => {
    // 06:00 UTC on the 7th is 20:00 on the 6th in Hawaii: the 6th is someone's today, the 5th nobody's.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-07T06:00:00Z"));
    expect(findingTaskSchema.safeParse({ findingId: "f-1", dueOn: "2026-12-06" }).success).toBe(true);
    expect(startCampaignSchema.safeParse(form("2026-12-06")).success).toBe(true);
    expect(findingTaskSchema.safeParse({ findingId: "f-1", dueOn: "2026-12-05" }).error?.issues).toEqual([expect.objectContaining({ message: "validation.duePast" })]);
    // 18:00 UTC: the 7th has begun everywhere, so the 6th is past for everyone.
    vi.setSystemTime(new Date("2026-12-07T18:00:00Z"));
    expect(findingTaskSchema.safeParse({ findingId: "f-1", dueOn: "2026-12-06" }).error?.issues).toEqual([expect.objectContaining({ message: "validation.duePast" })]);
    expect(findingTaskSchema.safeParse({ findingId: "f-1", dueOn: "2026-12-07" }).success).toBe(true);
  });
});

describe("a task's due date (stop 43: a task made from a finding took a day in the past)", () => {
  it("follows the review's rule: today or later, a real day, in the same words", () => {
    // Read in the test, as the schema reads its clock: one read at collection would fail across UTC midnight.
    const today = utcToday();
    expect(dueDayError("2026-02-30", "2026-12-07")).toBe("validation.date");
    expect(dueDayError("2026-13-45", "2026-12-07")).toBe("validation.date");
    expect(findingTaskSchema.safeParse({ findingId: "f-1", dueOn: addDays(today, -2) }).error?.issues).toEqual([expect.objectContaining({ path: ["dueOn"], message: "validation.duePast" })]);
    expect(findingTaskSchema.safeParse({ findingId: "f-1", dueOn: "2026-02-30" }).error?.issues).toEqual([expect.objectContaining({ path: ["dueOn"], message: "validation.date" })]);
    expect(findingTaskSchema.safeParse({ findingId: "f-1", dueOn: "next week" }).error?.issues).toEqual([expect.objectContaining({ path: ["dueOn"], message: "validation.date" })]);
    expect(findingTaskSchema.parse({ findingId: "f-1", dueOn: today }).dueOn).toBe(today);
  });

  it("may be left out or empty (two weeks from today)", () => {
    expect(findingTaskSchema.parse({ findingId: "f-1", dueOn: "" }).dueOn).toBeUndefined();
    expect(findingTaskSchema.parse({ findingId: "f-1" }).dueOn).toBeUndefined();
  });
});
