import { CONSOLE_ROLES, LEVELS, type Decision, type GrantLevel, type ItemDraft, type ItemKind, type Level } from "./types";

// Which item goes to which reviewer, who may decide it, and what a decision needs. Pure: the
// database layer (lib/db/reviews) feeds it rows and the clock.

export interface ReviewerCandidate {
  userId: string;
  email: string;
  /** null = every account of the organisation (agency Owner/Admin); otherwise the accounts they can see. */
  accountIds: ReadonlySet<string> | null;
}

/** The e-mails an item's access belongs to: its person's and, for a login, the login's own. */
export function ownersOf(item: Pick<ItemDraft, "kind" | "personEmail" | "detail">): string[] {
  const emails = [item.personEmail, item.kind === "LOGIN" ? (item.detail.email as string | null | undefined) : null];
  return emails.filter((e): e is string => typeof e === "string" && e.length > 0).map((e) => e.trim().toLowerCase());
}

/** Nobody decides on their own access: a login or console access whose person (or login e-mail) is the reviewer's. */
export function isOwnAccess(item: Pick<ItemDraft, "kind" | "personEmail" | "detail">, reviewerEmail: string): boolean {
  return ownersOf(item).includes(reviewerEmail.trim().toLowerCase());
}

/**
 * One reviewer per account where possible (an account is read as a whole), turning through the
 * reviewers account by account; an item that is the chosen reviewer's own access goes to the next
 * reviewer who can see the account; none left → null (the campaign's manager assigns it by deciding).
 */
export function assignReviewers(items: readonly ItemDraft[], reviewers: readonly ReviewerCandidate[]): (string | null)[] {
  const accounts = [...new Set(items.map((i) => i.accountId))];
  const turn = new Map(accounts.map((a, index) => [a, index]));
  return items.map((item) => {
    const eligible = reviewers.filter((r) => r.accountIds === null || r.accountIds.has(item.accountId));
    if (eligible.length === 0) return null;
    const start = turn.get(item.accountId)! % eligible.length;
    for (let k = 0; k < eligible.length; k++) {
      const candidate = eligible[(start + k) % eligible.length];
      if (!isOwnAccess(item, candidate.email)) return candidate.userId;
    }
    return null;
  });
}

/**
 * The reviewers ticked when the start form opens, so a first submit is not refused for want of one: the
 * member starting the campaign when they can review, otherwise the only candidate there is. Still editable.
 */
export function defaultReviewerIds(candidates: readonly { userId: string }[], starterId: string): string[] {
  if (candidates.some((c) => c.userId === starterId)) return [starterId];
  return candidates.length === 1 ? [candidates[0].userId] : [];
}

export type DecisionProblem = "reduceNotAllowed" | "reduceNothing" | "reduceAbove" | "commentRequired";

export interface DecisionInput {
  decision: Decision;
  /** REDUCE on a login: the level per grant; on a console access: the role. */
  levels?: GrantLevel[];
  role?: string;
  comment: string | null;
}

const rank = (level: string) => LEVELS.indexOf(level as Level);
const roleRank = (role: string) => CONSOLE_ROLES.indexOf(role.toUpperCase() as (typeof CONSOLE_ROLES)[number]);

/** What is wrong with a decision on an item, or null. `openSevere` = open high or critical findings about it. */
export function decisionProblem(item: { kind: ItemKind; detail: Record<string, unknown> }, input: DecisionInput, openSevere: number): DecisionProblem | null {
  if (input.decision === "KEEP" && openSevere > 0 && !input.comment) return "commentRequired";
  if (input.decision !== "REDUCE") return null;
  if (item.kind === "LOGIN") {
    const current = (item.detail.grants as GrantLevel[] | undefined) ?? [];
    const wanted = input.levels ?? [];
    let lower = false;
    for (const grant of wanted) {
      const was = current.find((g) => g.tool === grant.tool && g.marketplace === grant.marketplace);
      if (!was || rank(grant.level) > rank(was.level)) return "reduceAbove";
      if (rank(grant.level) < rank(was.level)) lower = true;
    }
    return lower ? null : "reduceNothing";
  }
  if (item.kind === "OTHER_ACCESS") {
    const was = roleRank(String(item.detail.role ?? ""));
    const now = roleRank(input.role ?? "");
    if (now < 0) return "reduceNothing";
    return now < was ? null : "reduceAbove";
  }
  return "reduceNotAllowed";
}

/** Only the grants the reduction lowers: what the task asks to change, and what closes it. */
export function loweredGrants(current: readonly GrantLevel[], wanted: readonly GrantLevel[]): GrantLevel[] {
  return wanted.filter((w) => {
    const was = current.find((g) => g.tool === w.tool && g.marketplace === w.marketplace);
    return was !== undefined && rank(w.level) < rank(was.level);
  });
}

export interface DiffItem {
  kind: ItemKind;
  subjectId: string;
  label: string;
  detail: Record<string, unknown>;
}

/** The items themselves, not their labels: the page names them in the reader's words (itemLabel). */
export interface CampaignDiff {
  added: DiffItem[];
  removed: DiffItem[];
  changed: DiffItem[];
}

const stable = (value: unknown): string =>
  value === null || typeof value !== "object"
    ? JSON.stringify(value) ?? "null"
    : Array.isArray(value)
      ? `[${value.map(stable).join(",")}]`
      : `{${Object.keys(value as object).sort().map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(",")}}`;

/** What changed on an account since its last completed campaign: access paths added, gone, or changed (levels, role, status). */
export function diffSinceLast(current: readonly DiffItem[], previous: readonly DiffItem[]): CampaignDiff {
  const key = (i: DiffItem) => `${i.kind}:${i.subjectId}`;
  const before = new Map(previous.map((i) => [key(i), i]));
  const now = new Set(current.map(key));
  const compared = (d: Record<string, unknown>) => stable({ ...d, migrated: undefined });
  return {
    added: current.filter((i) => !before.has(key(i))),
    removed: previous.filter((i) => !now.has(key(i))),
    changed: current.filter((i) => before.has(key(i)) && !before.get(key(i))!.detail.migrated && compared(before.get(key(i))!.detail) !== compared(i.detail)),
  };
}

/** Progress of a set of items: decided of total. */
export function progressOf(items: readonly { decision: Decision | null }[]): { decided: number; total: number } {
  return { decided: items.filter((i) => i.decision !== null).length, total: items.length };
}
