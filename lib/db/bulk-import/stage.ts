import "server-only";
import { once } from "node:events";
import { from as copyFrom } from "pg-copy-streams";
import type { StagedLogin } from "@/lib/spreadsheets/stream-logins";
import { loginEmailKey } from "@/lib/validation/record-identity";
import type { ImportConnection } from "./connection";

// The staging table: one row per valid spreadsheet login (after the sheet's and the snapshot's own
// validation), streamed in with COPY. TEMP and ON COMMIT DROP: private to the import's transaction, no
// WAL, gone whether it commits, rolls back or the connection dies.

const COLUMNS = [
  "account_row", "account_ext", "store_name", "seller_id", "region", "marketplaces", "plan", "account_status", "last_verified_at",
  "person_row", "person_ext", "person_name", "person_external", "person_company", "person_departed_at",
  "login_row", "login_ext", "role", "email", "status", "invited_at", "accepted_at", "last_login_at", "password_changed_at", "password_reused",
  "methods", "grants", "methods_key", "grants_key", "users", "email_key", "account_written", "person_written", "login_written",
] as const;

export async function createStage(connection: ImportConnection): Promise<void> {
  await connection.client.query(`CREATE TEMP TABLE bulk_stage (
    account_row int NOT NULL, account_ext text NOT NULL, store_name text NOT NULL, seller_id text, region text NOT NULL, marketplaces text NOT NULL,
    plan text NOT NULL, account_status text NOT NULL, last_verified_at text,
    person_row int NOT NULL, person_ext text NOT NULL, person_name text NOT NULL, person_external boolean NOT NULL, person_company text, person_departed_at text,
    login_row int NOT NULL, login_ext text NOT NULL, role text NOT NULL, email text, status text NOT NULL,
    invited_at text, accepted_at text, last_login_at text, password_changed_at text, password_reused boolean NOT NULL,
    methods jsonb NOT NULL, grants jsonb NOT NULL, methods_key text NOT NULL, grants_key text NOT NULL,
    users text NOT NULL, email_key text, account_written int NOT NULL, person_written int NOT NULL, login_written int NOT NULL
  ) ON COMMIT DROP`);
}

// COPY text format: backslash, tab and line breaks escaped; \N is NULL. Most cells need no escaping: tested first.
const SPECIAL = /[\\\t\n\r]/;
const field = (v: string | number | boolean | null): string =>
  v === null ? "\\N" : typeof v === "string" ? (SPECIAL.test(v) ? v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : v) : String(v);

type Method = StagedLogin["login"]["twoStep"][number];
type Grant = StagedLogin["login"]["permissions"][number];
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * A login's 2SV methods and permissions as the unchanged check of plan.ts (sameAsStored) folds the stored
 * ones: methods in (kind, role) order, the file's order within one kind and role (the order in which
 * plan.ts pairs them with stored ones); grants sorted. Every part is an ASCII code (enums, upper-case
 * marketplace, 4 digits), so code-unit order here is byte order (COLLATE "C") there; \x01 stands for null.
 */
export function methodsKey(methods: Method[]): string {
  const keyed = methods.map((m, i) => ({ k: `${m.kind}|${m.role}`, i, text: `${m.kind}|${m.role}|${m.phoneLast4 ?? "\x01"}` }));
  keyed.sort((a, b) => byCode(a.k, b.k) || a.i - b.i);
  return keyed.map((m) => m.text).join(",");
}
export function grantsKey(grants: Grant[]): string {
  return grants.map((g) => `${g.tool}|${g.level}|${g.marketplace ?? "\x01"}`).sort(byCode).join(",");
}

/**
 * The other people of a shared login (used_by), space-separated and sorted by code unit (unchanged.ts
 * compares them with the stored ones so): the sheet splits the cell on spaces, so no id holds one. They were not through the snapshot's id check (stream-logins.ts), so a NUL, which a
 * COPY line cannot carry, is replaced: such an id is no person of the file and is refused as unknown.
 */
export const usersText = (users: string[]): string => [...new Set(users.map((u) => u.replace(/\0/g, "\uFFFD")))].sort(byCode).join(" ");

/**
 * The login's e-mail as the forms compare it (loginEmailKey: trimmed, lower case), for the check across batches
 * (login-emails.ts); null where it is the e-mail as written, as almost every address is, so the COPY carries it only
 * for the few written otherwise. Worked out here rather than by PostgreSQL's lower(), whose case rules are the
 * database's locale's.
 */
export function emailKeyText(email: string | null): string | null {
  const key = loginEmailKey(email);
  return key === email ? null : key;
}

function line({ accountRow, account: a, personRow, person: p, loginRow, login: l, users, written }: StagedLogin): string {
  return [
    accountRow, a.id, a.storeName, a.sellerId, a.region, a.marketplaces.join(","), a.plan, a.status, a.lastVerifiedAt,
    personRow, p.id, p.name, p.external, p.company, p.departedAt,
    loginRow, l.id, l.role, l.email, l.status, l.invitedAt, l.acceptedAt, l.lastLoginAt, l.passwordChangedAt, l.passwordReused,
    JSON.stringify(l.twoStep.map((m) => ({ kind: m.kind, role: m.role, phone: m.phoneLast4 }))),
    JSON.stringify(l.permissions.map((g) => ({ tool: g.tool, level: g.level, marketplace: g.marketplace }))),
    methodsKey(l.twoStep), grantsKey(l.permissions), usersText(users), emailKeyText(l.email), written.account, written.person, written.login,
  ].map(field).join("\t") + "\n";
}

/** A COPY into the staging table that stays open while the file is read; `close` ends it. */
export function openCopy(connection: ImportConnection): { write: (logins: StagedLogin[]) => Promise<void>; close: () => Promise<number> } {
  const stream = connection.client.query(copyFrom(`COPY bulk_stage (${COLUMNS.join(", ")}) FROM STDIN`));
  let failure: Error | null = null;
  stream.on("error", (e: Error) => (failure = e));
  let count = 0;
  return {
    async write(logins) {
      if (failure) throw failure;
      count += logins.length;
      if (!stream.write(logins.map(line).join(""))) await Promise.race([once(stream, "drain"), once(stream, "error")]);
      if (failure) throw failure;
    },
    async close() {
      if (failure) throw failure;
      stream.end();
      await Promise.race([once(stream, "finish"), once(stream, "error").then(([e]) => Promise.reject(e as Error))]);
      if (failure) throw failure;
      return count;
    },
  };
}
