import { messages, type MessageKey } from "./messages";

type T = (key: MessageKey) => string;

/**
 * The reader's label for an enum value stored as data (`review.APPROVED`, `loginStatus.DISABLED`), or the
 * value itself when the catalogue has no label for it: free-text values such as an Ads role stay readable.
 */
export function enumLabel(t: T, prefix: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  const key = `${prefix}.${String(value)}`;
  return key in messages.ja ? t(key as MessageKey) : String(value);
}

/**
 * A history entry's action in words (`login.created` → "ログインを追加"). An action the catalogue has no words for yet
 * reads as a change to the record, never as its raw key.
 */
export function historyActionLabel(t: T, action: string): string {
  const key = `history.${action}`;
  return key in messages.ja ? t(key as MessageKey) : t("history.otherChange");
}

interface HistoryFacts {
  action: string;
  before: unknown;
  after: unknown;
}

const record = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});

/** The detail line of a history entry, with its enum values (decision, status, 2SV method) in words. */
export function historyDetail(entry: HistoryFacts, t: T): string {
  const after = record(entry.after);
  if (entry.action === "finding.accepted" && typeof after.reason === "string") return `“${after.reason}” → ${String(after.until ?? "")}`;
  if (entry.action === "access.reviewed") {
    return [enumLabel(t, "review", after.decision), after.note ? `“${String(after.note)}”` : null].filter(Boolean).join(" ");
  }
  if (entry.action === "triage.completed") {
    const cause = after.cause ? enumLabel(t, "triage.step", `${String(after.cause)}.title`) : null;
    return [enumLabel(t, "triage.outcome", after.outcome), cause, after.note ? `“${String(after.note)}”` : null].filter(Boolean).join(" · ");
  }
  if (entry.action === "login.updated") {
    const before = record(entry.before);
    return before.status !== after.status ? `${enumLabel(t, "loginStatus", before.status)} → ${enumLabel(t, "loginStatus", after.status)}` : "";
  }
  // A label masked by migration 20261213010000 (decision 086): the name as it is now, which keeps only the last four digits.
  if (entry.action.endsWith(".labelMasked")) return typeof after.label === "string" ? `“${after.label}”` : "";
  if (entry.action.startsWith("twoStepMethod.")) {
    const m = entry.action.endsWith("added") ? after : record(entry.before);
    return [enumLabel(t, "twoStepKind", m.kind), m.phoneLast4 ? `••••${String(m.phoneLast4)}` : null, enumLabel(t, "methodRole", m.role)].filter(Boolean).join(" · ");
  }
  return "";
}
