import { z } from "zod";
import { answersOf, causeOf, TRIAGE_ANSWERS, TRIAGE_OUTCOMES, answerField } from "@/lib/triage/outcome";
import { TRIAGE_CAUSES } from "@/lib/triage/types";
import { CONTROL_CHARACTER_KEY, MULTILINE_PATTERN } from "./text";
import { holdsNoPhoneNumber, PHONE_NUMBER_IN_NOTE_KEY } from "./phone-number";

/** The outcome's note, like an access review's: a sentence or two. */
export const TRIAGE_NOTE_MAX_LENGTH = 500;

const optionalId = z.string().max(64).optional().transform((v) => v || null);
const answerFields = Object.fromEntries(TRIAGE_CAUSES.map((c) => [answerField(c), z.enum(TRIAGE_ANSWERS, "validation.choose").optional().or(z.literal("").transform(() => undefined))]));

export const recordTriageSchema = z
  .object({
    accountId: z.string().min(1).max(64),
    loginId: optionalId,
    outcome: z.enum(TRIAGE_OUTCOMES, "validation.choose"),
    cause: z.enum(TRIAGE_CAUSES, "validation.choose").optional().or(z.literal("").transform(() => undefined)),
    note: z.string().trim().max(TRIAGE_NOTE_MAX_LENGTH, "validation.noteTooLong").regex(MULTILINE_PATTERN, CONTROL_CHARACTER_KEY).refine(holdsNoPhoneNumber, PHONE_NUMBER_IN_NOTE_KEY).optional().transform((v) => v || null),
    /** "Open a remediation task" ticked. */
    openTask: z.literal("yes").optional().transform((v) => v === "yes"),
    ...answerFields,
  })
  .transform((v, ctx) => {
    const answers = answersOf(v);
    const cause = causeOf(v.cause ?? null, answers);
    if (v.outcome === "RESOLVED" && !cause) {
      ctx.addIssue({ code: "custom", path: ["cause"], message: "validation.triageCauseRequired" });
      return z.NEVER;
    }
    return { accountId: v.accountId, loginId: v.loginId, outcome: v.outcome, cause, note: v.note, openTask: v.openTask, answers };
  });
export type RecordTriageInput = z.infer<typeof recordTriageSchema>;
