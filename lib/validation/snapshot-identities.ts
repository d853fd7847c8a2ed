import { loginEmailKey, sameTwoStepMethod } from "./record-identity";
import { formatPath, parseSnapshot, type ParseSnapshotResult, type Snapshot, type SnapshotError } from "./snapshot";

// The account forms' record-identity rules (record-identity.ts) applied to what people type into a spreadsheet: the
// import page's CSV/Excel path and the large-file import refuse what the forms refuse, by row, all or nothing (decision
// 074). Not part of the snapshot schema: SNAPSHOT.md forbids none of these (its rules count methods as listed), so a
// JSON snapshot — `gatehouse audit`, POST /api/v1/audit, POST /api/v1/snapshots, a JSON file on the import page — that
// the format calls valid is accepted as it is.

type Account = Snapshot["accounts"][number];
type Login = Account["logins"][number];

/**
 * One Seller Central user per e-mail on an account, compared as the login form compares it (loginEmailKey, case
 * ignored). A REMOVED login does not count (the user may be invited again under a new id), nor one with no e-mail
 * (unknown). The later login is named.
 */
function loginEmailErrors(account: Account, a: number, errors: SnapshotError[]): void {
  const seen = new Set<string>();
  account.logins.forEach((login, l) => {
    const key = login.status === "REMOVED" ? null : loginEmailKey(login.email);
    if (key === null) return;
    if (!seen.has(key)) return void seen.add(key);
    errors.push(loginEmailTwice(formatPath(["accounts", a, "logins", l, "email"]), login.email!));
  });
}

/** The problem of a later login with an earlier one's e-mail, at `path` (the large import names the e-mail column: its batches' paths are not the file's). */
export const loginEmailTwice = (path: string, email: string): SnapshotError => ({
  path,
  message: `another login of this account has the e-mail "${email}" (compared ignoring case)`,
  reason: { key: "loginEmailTwice", vars: { email } },
});

/**
 * A login's 2SV methods as the 2SV form checks them: the same method twice (sameTwoStepMethod; Amazon does not register
 * one phone or one app twice, whatever the role), and a second PRIMARY method (one preferred method, the others
 * backups: DOMAIN.md).
 */
function twoStepErrors(login: Login, a: number, l: number, errors: SnapshotError[]): void {
  let primary = 0;
  login.twoStep.forEach((method, m) => {
    const n = login.twoStep.findIndex((other, i) => i < m && sameTwoStepMethod(other, method));
    if (n >= 0)
      errors.push({
        path: formatPath(["accounts", a, "logins", l, "twoStep", m]),
        message: `the same 2SV method as twoStep[${n}] (same kind, device and last four digits)`,
        reason: { key: "twoStepMethodTwice" },
      });
    if (method.role === "PRIMARY" && ++primary > 1)
      errors.push({ path: formatPath(["accounts", a, "logins", l, "twoStep", m, "role"]), message: "expected at most one PRIMARY 2SV method per login", reason: { key: "onePrimaryMethod" } });
  });
}

/** Every record-identity problem of a valid document, in document order (by JSON path); empty when there is none. */
export function recordIdentityErrors(snapshot: Pick<Snapshot, "accounts">): SnapshotError[] {
  const errors: SnapshotError[] = [];
  snapshot.accounts.forEach((account, a) => {
    account.logins.forEach((login, l) => {
      if (login.twoStep.length > 1) twoStepErrors(login, a, l, errors);
    });
    if (account.logins.length > 1) loginEmailErrors(account, a, errors);
  });
  return errors;
}

/** The reason keys of recordIdentityErrors: checks across records, run only once every record is well formed. */
export const RECORD_IDENTITY_KEYS = ["loginEmailTwice", "twoStepMethodTwice", "onePrimaryMethod"] as const;

/** A checked result with the record-identity rules applied: for a document read from a spreadsheet. */
export function withRecordIdentities(parsed: ParseSnapshotResult): ParseSnapshotResult {
  if (!parsed.ok) return parsed;
  const errors = recordIdentityErrors(parsed.snapshot);
  return errors.length ? { ok: false, errors } : parsed;
}

/** parseSnapshot for a document read from a spreadsheet (rows people typed). */
export const parseSpreadsheetSnapshot = (input: unknown): ParseSnapshotResult => withRecordIdentities(parseSnapshot(input));
