import { z } from "zod";
import { CONTROL_CHARACTER_KEY, MULTILINE_PATTERN } from "./text";

/** A review's note, like an acceptance's reason, is a sentence or two, not a document. */
export const ACCESS_REVIEW_NOTE_MAX_LENGTH = 500;

export const recordAccessReviewSchema = z.object({
  accountId: z.string().min(1).max(64),
  loginId: z.string().min(1).max(64),
  decision: z.enum(["APPROVED", "REMOVE_REQUESTED"]),
  note: z.string().trim().max(ACCESS_REVIEW_NOTE_MAX_LENGTH, "validation.noteTooLong").regex(MULTILINE_PATTERN, CONTROL_CHARACTER_KEY).optional().transform((v) => v || null),
});
export type RecordAccessReviewInput = z.infer<typeof recordAccessReviewSchema>;
