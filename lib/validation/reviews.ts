import { z } from "zod";
import { CONSOLE_ROLES, DECISIONS, LEVELS, RECURRENCES, type GrantLevel } from "@/lib/reviews/types";
import { firstParam, ignoredFilters, laterParams, oneOf, shownValue, textReason, unknownParameters, type IgnoredFilter, type SearchParamsRecord } from "./ignored-filters";
import { codeList, optionalRef, RECORD_ID_MAX_LENGTH, recordId, requiredText } from "./record-fields";
import { CONTROL_CHARACTER_KEY, linkChoice, MULTILINE_PATTERN } from "./text";
import { earliestDayAnywhere } from "../days";
import { realDay } from "./day";
import { REVIEW_COMMENT_MAX_LENGTH } from "./limits";
import { holdsNoPhoneNumber, PHONE_NUMBER_IN_NOTE_KEY } from "./phone-number";

// Access review campaigns and remediation tasks (issue 13): the forms' schemas, shared by browser and action.

export { REVIEW_COMMENT_MAX_LENGTH };
export const CAMPAIGN_NAME_MAX_LENGTH = 120;
/** An agency reviewing 300 accounts picks them by client; a campaign of more accounts than this is split. */
export const CAMPAIGN_MAX_ACCOUNTS = 2000;
/** One bulk decision is one transaction: 500 items took ~16 s on the loaded 2-core machine (bench/RESULTS.md), well inside its 60 s. */
export const BULK_MAX_ITEMS = 500;

/**
 * Whatever is due — a review, a remediation task — is due today or later: a review due 2026-01-01 started on
 * 2026-12-07 began overdue (stop 42, finding 4), and a task made from a finding could be too (stop 43). `today` is
 * the earliest day it is anywhere (earliestDayAnywhere), so no user is refused their own today, whatever their zone.
 * "validation.date" for a day that does not exist (2026-02-30).
 * lib/db repeats the rule for callers that are not forms (startCampaign, createTask).
 */
export function dueDayError(dueOn: string, today: string): string | null {
  if (!realDay(dueOn)) return "validation.date";
  return dueOn < today ? "validation.duePast" : null;
}
/** A due day typed in a form: a real day, today or later, said once (the first problem only). */
const dueDay = z.string("validation.date").superRefine((day, ctx) => {
  const error = dueDayError(day, earliestDayAnywhere());
  if (error) ctx.addIssue({ code: "custom", message: error });
});
const comment = z
  .string()
  .trim()
  .max(REVIEW_COMMENT_MAX_LENGTH, "validation.noteTooLong")
  .regex(MULTILINE_PATTERN, CONTROL_CHARACTER_KEY)
  .refine(holdsNoPhoneNumber, PHONE_NUMBER_IN_NOTE_KEY)
  .optional()
  .transform((v) => v || null);
const ids = codeList.pipe(z.array(recordId).max(CAMPAIGN_MAX_ACCOUNTS, "validation.tooLong"));

export const startCampaignSchema = z
  .object({
    name: requiredText(CAMPAIGN_NAME_MAX_LENGTH),
    clientIds: ids,
    accountIds: ids,
    reviewerIds: ids.pipe(z.array(recordId).min(1, "validation.review.reviewersRequired")),
    dueOn: dueDay,
    recurrence: z.enum(RECURRENCES, "validation.choose").optional().transform((v) => v ?? "NONE"),
  })
  .refine((v) => v.clientIds.length + v.accountIds.length > 0, { path: ["clientIds"], message: "validation.review.scopeRequired" });
export type StartCampaignInput = z.infer<typeof startCampaignSchema>;

/** `level.<tool>.<marketplace or *>` fields carry a reduction's levels (one select per grant). */
const LEVEL_FIELD = /^level\.([A-Z0-9_]{1,40})\.([A-Z]{2}|\*)$/;

export const decideItemSchema = z
  .looseObject({
    itemId: recordId,
    // No default: a decision is chosen, never assumed (probe 45, M4: Enter in the comment recorded "Keep").
    decision: z.enum(DECISIONS, "validation.review.decisionRequired"),
    comment,
    role: z.enum(CONSOLE_ROLES, "validation.choose").optional().or(z.literal("").transform(() => undefined)),
  })
  .transform((v, ctx) => {
    const levels: GrantLevel[] = [];
    for (const [key, value] of Object.entries(v)) {
      const m = LEVEL_FIELD.exec(key);
      if (!m) continue;
      if (!(LEVELS as readonly unknown[]).includes(value)) {
        ctx.addIssue({ code: "custom", path: [key], message: "validation.choose" });
        return z.NEVER;
      }
      levels.push({ tool: m[1], marketplace: m[2] === "*" ? null : m[2], level: value as GrantLevel["level"] });
    }
    return { itemId: v.itemId, decision: v.decision, comment: v.comment, role: v.role, levels };
  });
export type DecideItemInput = z.infer<typeof decideItemSchema>;

export const bulkDecideSchema = z.object({
  campaignId: recordId,
  itemIds: codeList.pipe(z.array(recordId).min(1, "validation.review.chooseItems").max(BULK_MAX_ITEMS, "validation.tooLong")),
  decision: z.enum(["KEEP", "REMOVE"], "validation.review.decisionRequired"),
  comment,
  /** The confirmation step: the form shows how many items and what, then sends this. */
  confirm: z.literal("yes", "validation.review.confirmBulk"),
});
export type BulkDecideInput = z.infer<typeof bulkDecideSchema>;

export const findingTaskSchema = z.object({
  findingId: recordId,
  assigneeId: optionalRef,
  // Left empty: two weeks from today (createTask). Given: held to the review's rule, with its words (stop 43).
  dueOn: z.preprocess((v) => (v === "" ? undefined : v), dueDay.optional()),
});
export type FindingTaskInput = z.infer<typeof findingTaskSchema>;

export const closeTaskSchema = z.object({
  taskId: recordId,
  note: z.string("validation.review.noteRequired").trim().min(1, "validation.review.noteRequired").max(REVIEW_COMMENT_MAX_LENGTH, "validation.noteTooLong").regex(MULTILINE_PATTERN, CONTROL_CHARACTER_KEY)
    .refine(holdsNoPhoneNumber, PHONE_NUMBER_IN_NOTE_KEY),
});
export type CloseTaskInput = z.infer<typeof closeTaskSchema>;

export const TASK_STATUS_FILTERS = ["OPEN", "DONE", "ALL"] as const;

// Spaces around a value from the address bar are dropped, as the accounts table drops them (`OPEN%20` is OPEN).
const linkId = z.string().trim().pipe(recordId);
export const taskFilterSchema = z.object({
  status: linkChoice(TASK_STATUS_FILTERS).catch("OPEN"),
  // An id from the address bar that names nothing (a control character) is no filter, as the accounts table's.
  assignee: linkId.optional().catch(undefined),
  client: linkId.optional().catch(undefined),
});
export type TaskFilter = z.infer<typeof taskFilterSchema>;

/** Every parameter the tasks page reads: its three filters; any other is named as unknown. */
export const TASK_PAGE_PARAMETERS = new Set(["status", "assignee", "client"]);

/** What parseTaskFilterPage gives: the list's filter, whether it is the reader's own tasks, and what it did not apply. */
export interface TaskFilterPage {
  filter: TaskFilter;
  mine: boolean;
  ignored: IgnoredFilter[];
}

/**
 * The tasks page's filter from its URL (`assignee=me` is the reader, `userId`), whether it asked for the reader's
 * own tasks, and what it gave that was not applied (the page says so rather than listing open tasks of everyone).
 */
export function parseTaskFilterPage(raw: SearchParamsRecord, userId: string): TaskFilterPage {
  // An empty value is "any" (what the form sends for it), as before.
  const [status, assignee, client] = [raw.status, raw.assignee, raw.client].map((v) => firstParam(v) || undefined);
  const mine = assignee?.trim() === "me";
  const filter = taskFilterSchema.parse({ status, assignee: mine ? userId : undefined, client });
  const ignored = ignoredFilters([
    // The status falls back to OPEN rather than to nothing: anything else than what was asked (in any case) was dropped.
    { name: "status", raw: status, later: laterParams(raw.status), applied: filter.status === status?.trim().toUpperCase(), reason: oneOf(TASK_STATUS_FILTERS) },
    { name: "assignee", raw: assignee, later: laterParams(raw.assignee), applied: mine, reason: oneOf(["me"]) },
    { name: "client", raw: client, later: laterParams(raw.client), applied: filter.client !== undefined, reason: textReason(RECORD_ID_MAX_LENGTH) },
  ]).concat(unknownParameters(raw, TASK_PAGE_PARAMETERS, [...TASK_PAGE_PARAMETERS]));
  return { filter, mine, ignored };
}

/**
 * The page without its client filter, which names no client the reader can reach (the database said so): dropped and
 * named as the accounts page drops one (decisions 093, 099), among the filters in the page's order, so the list shows
 * every task the reader sees instead of an empty list without a word.
 */
export function withoutUnreachableTaskClient(page: TaskFilterPage): TaskFilterPage {
  if (page.filter.client === undefined) return page;
  const named: IgnoredFilter = { name: "client", value: shownValue(page.filter.client), reason: { kind: "noSuchClient" } };
  // After status and assignee, before a later `client=` value and the parameters the page does not read.
  const at = page.ignored.findIndex((i) => i.name === "client" || i.reason.kind === "unknown");
  const ignored = at === -1 ? [...page.ignored, named] : [...page.ignored.slice(0, at), named, ...page.ignored.slice(at)];
  return { ...page, filter: { ...page.filter, client: undefined }, ignored };
}
