import { z } from "zod";

export const recordAccessReviewSchema = z.object({
  accountId: z.string().min(1).max(64),
  loginId: z.string().min(1).max(64),
  decision: z.enum(["APPROVED", "REMOVE_REQUESTED"]),
  note: z.string().trim().max(500).optional().transform((v) => v || null),
});
export type RecordAccessReviewInput = z.infer<typeof recordAccessReviewSchema>;
