import { describe, expect, it } from "vitest";
import { nextRecurrence, recurrenceDue } from "./schedule";

describe("when the next recurrence of a campaign starts", () => {
  const q4 = { startedOn: "2026-10-05", dueOn: "2026-10-31" };

  it("starts one period after the previous start, due one period after the previous due day", () => {
    expect(nextRecurrence("QUARTERLY", q4, "2026-12-01")).toEqual({ startsOn: "2027-01-05", dueOn: "2027-01-31" });
    expect(nextRecurrence("SEMIANNUAL", q4, "2026-12-01")).toEqual({ startsOn: "2027-04-05", dueOn: "2027-04-30" });
    expect(nextRecurrence("ANNUAL", q4, "2026-12-01")).toEqual({ startsOn: "2027-10-05", dueOn: "2027-10-31" });
    expect(nextRecurrence("NONE", q4, "2026-12-01")).toBeNull();
  });

  it("is due from its start day on, not the day before", () => {
    expect(recurrenceDue("QUARTERLY", q4, "2027-01-04")).toBe(false);
    expect(recurrenceDue("QUARTERLY", q4, "2027-01-05")).toBe(true);
    expect(recurrenceDue("QUARTERLY", q4, "2027-03-01")).toBe(true);
    expect(recurrenceDue("NONE", q4, "2030-01-01")).toBe(false);
  });

  it("is never born overdue: after a long outage the due day moves on by whole periods", () => {
    // Scheduler off from January to mid-May: the next one is due at the end of the next quarter still ahead.
    expect(nextRecurrence("QUARTERLY", q4, "2027-05-15")).toEqual({ startsOn: "2027-01-05", dueOn: "2027-07-31" });
    // Whole periods from the original day: 31 Jan stays the month's end, not 28 Feb, 28 May…
    expect(nextRecurrence("QUARTERLY", { startedOn: "2026-11-01", dueOn: "2026-11-30" }, "2027-03-01")).toEqual({ startsOn: "2027-02-01", dueOn: "2027-05-30" });
    // Due today is not overdue: it stays.
    expect(nextRecurrence("QUARTERLY", q4, "2027-01-31")?.dueOn).toBe("2027-01-31");
  });
});
