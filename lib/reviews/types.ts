// Access review campaigns and remediation tasks (issue 13, decision 018): the domain words, no database.

export const ITEM_KINDS = ["LOGIN", "PARTNER", "APP", "OTHER_ACCESS"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const DECISIONS = ["KEEP", "REDUCE", "REMOVE"] as const;
export type Decision = (typeof DECISIONS)[number];
export const RECURRENCES = ["NONE", "QUARTERLY", "SEMIANNUAL", "ANNUAL"] as const;
export type Recurrence = (typeof RECURRENCES)[number];
export const TASK_KINDS = ["REMOVE_LOGIN", "REDUCE_LOGIN", "REMOVE_PARTNER", "REMOVE_APP", "REMOVE_OTHER_ACCESS", "REDUCE_OTHER_ACCESS", "FINDING", "TRIAGE"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_STATUSES = ["OPEN", "SATISFIED", "CLOSED"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Seller Central's levels, lowest first: a reduction only moves down this list. */
export const LEVELS = ["NONE", "VIEW", "VIEW_EDIT", "ADMIN"] as const;
export type Level = (typeof LEVELS)[number];
/** The Ads console's and Brand Registry's roles, lowest first (stored as free text upper case). */
export const CONSOLE_ROLES = ["VIEWER", "EDITOR", "ADMIN"] as const;

export interface GrantLevel {
  tool: string;
  marketplace: string | null;
  level: Level;
}

/** What a campaign freezes per access path. */
export interface ItemDraft {
  accountId: string;
  kind: ItemKind;
  subjectId: string;
  label: string;
  personId: string | null;
  personEmail: string | null;
  /** LOGIN: { email, role, status, grants }; PARTNER: { acceptedAt, rights }; APP: { developer, expiresAt }; OTHER_ACCESS: { console, role }. */
  detail: Record<string, unknown>;
}
