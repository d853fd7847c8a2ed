import { describe, expect, it } from "vitest";
import { ACCESS_REVIEW_NOTE_MAX_LENGTH, recordAccessReviewSchema } from "./access-review";

const form = (note?: string) => ({ accountId: "a1", loginId: "l1", decision: "APPROVED", ...(note === undefined ? {} : { note }) });

describe("the access-review form", () => {
  it("reads a note trimmed, and an empty or missing one as none", () => {
    expect(recordAccessReviewSchema.parse(form("  checked with the client  ")).note).toBe("checked with the client");
    expect(recordAccessReviewSchema.parse(form("   ")).note).toBeNull();
    expect(recordAccessReviewSchema.parse(form()).note).toBeNull();
  });

  it("takes a note up to the limit and refuses a longer one with a message", () => {
    expect(recordAccessReviewSchema.parse(form("n".repeat(ACCESS_REVIEW_NOTE_MAX_LENGTH))).note).toHaveLength(ACCESS_REVIEW_NOTE_MAX_LENGTH);
    const result = recordAccessReviewSchema.safeParse(form("n".repeat(2000)));
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["note"], message: "validation.noteTooLong" })]);
  });
});
