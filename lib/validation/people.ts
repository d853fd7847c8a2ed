import { z } from "zod";
import { latestDayAnywhere } from "../days";
import { formDayWithin } from "./day";
import { firstParam, ignoredFilters, laterParams, oneOf, textReason, unknownParameters, type IgnoredFilter, type SearchParamsRecord } from "./ignored-filters";
import { recordId } from "./record-fields";
import { isSingleLine, linkChoice, SINGLE_LINE_PATTERN } from "./text";

const id = recordId;
const YES_NO = ["yes", "no"] as const;
const yesNo = linkChoice(YES_NO).optional().catch(undefined);
/** The people list's search box: at most this long (and one line). */
export const PERSON_SEARCH_MAX_LENGTH = 200;

export const personListQuerySchema = z.object({
  // One line of at most 200 characters, or no search (a NUL, which PostgreSQL refuses, used to answer 500).
  q: z.string().trim().max(PERSON_SEARCH_MAX_LENGTH).refine(isSingleLine).optional().catch(undefined).transform((v) => (v ? v : undefined)),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().refine((n) => [25, 50, 100].includes(n)).catch(25),
  /** "access": admin-level logins, then active logins, then accounts, then devices held. */
  sort: z.enum(["access", "name"]).catch("access"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  external: yesNo,
  departed: yesNo,
}).transform((q) => ({ ...q, dir: q.dir ?? (q.sort === "access" ? ("desc" as const) : ("asc" as const)) }));
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

/** Every parameter the people list reads (its filters, page, size and sort); any other is named as unknown. */
export const PERSON_LIST_PARAMETERS = new Set(["q", "external", "departed", "page", "pageSize", "sort", "dir"]);

/** The people list's state from its URL, and the filters it gave that were not applied (the page says which and why). */
export function parsePersonListPage(raw: SearchParamsRecord): { query: PersonListQuery; ignored: IgnoredFilter[] } {
  const [q, external, departed] = [raw.q, raw.external, raw.departed].map(firstParam);
  const query = personListQuerySchema.parse({ q, external, departed, page: firstParam(raw.page), pageSize: firstParam(raw.pageSize), sort: firstParam(raw.sort), dir: firstParam(raw.dir) });
  const ignored = ignoredFilters([
    { name: "q", raw: q, later: laterParams(raw.q), applied: query.q !== undefined, reason: textReason(PERSON_SEARCH_MAX_LENGTH) },
    { name: "external", raw: external, later: laterParams(raw.external), applied: query.external !== undefined, reason: oneOf(YES_NO) },
    { name: "departed", raw: departed, later: laterParams(raw.departed), applied: query.departed !== undefined, reason: oneOf(YES_NO) },
  ]).concat(unknownParameters(raw, PERSON_LIST_PARAMETERS, ["q", "external", "departed"]));
  return { query, ignored };
}

export const personIdSchema = id;

/** The person picker's search (GET /api/people?q=): one line (a NUL, which PostgreSQL refuses, used to answer 500). */
export const personSearchSchema = z.object({ q: z.string().max(100).regex(SINGLE_LINE_PATTERN).default("") });


export const offboardPersonSchema = z.object({
  personId: id,
  // Not after the latest day it is anywhere: a departure "today" in Japan is tomorrow in UTC until 09:00.
  departedAt: formDayWithin((day, today) => departureDateError(day, today), latestDayAnywhere),
  /** The form's second step: nothing happens until the user has confirmed. */
  confirm: z.literal("yes", "validation.offboardConfirm"),
});
export type OffboardPersonInput = z.infer<typeof offboardPersonSchema>;

/** newPersonId: for a primary login's hand-over, the current employee it goes to (checked in lib/db). */
export const completeOffboardingTaskSchema = z.object({
  taskId: id,
  newPersonId: z.union([recordId, z.literal("")]).optional().transform((v) => (v ? v : undefined)),
});

export const reopenOffboardingTaskSchema = z.object({ taskId: id });

export const cancelOffboardingSchema = z.object({
  personId: id,
  confirm: z.literal("yes", "validation.offboardConfirm"),
});

/** A departure is recorded once it has happened: a future date would not raise the findings yet. */
export function departureDateError(departedAt: string, today: string): string | null {
  if (departedAt > today) return "validation.departedFuture";
  return null;
}
