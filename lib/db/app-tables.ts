import "server-only";

// What the database role of scoped work (lib/db/app-role.ts) may touch, table by table. Every table in
// the database is in exactly one of three kinds, and lib/db/row-level-security.int.test.ts fails for a
// table that is in none (decision 011 has the pattern a new table's migration follows):
// 1. Tenant tables: an "orgId" column, row-level security enabled and the policy below. The role gets
//    SELECT, INSERT, UPDATE, DELETE on each (or what TENANT_TABLE_PRIVILEGES says), granted after every
//    migration; a table missing the policy gets nothing, so scoped code fails closed on it.
// 2. Shared tables: no "orgId", read by scoped work; each with its grants and, where its rows belong to
//    tenants, a policy of its own.
// 3. System tables: credentials, sessions, sign-in attempts, migrations. Only the owner (system paths:
//    sign-in, session checks, two-factor, invitations) touches them; the role gets nothing.

export const TENANT_TABLE_POLICY = "tenant_isolation";

/** Tenant tables that scoped work must not change in every way. */
export const TENANT_TABLE_PRIVILEGES: Record<string, string[]> = {
  // Append-only (database rules refuse UPDATE and DELETE; the grants say so too).
  AuditEvent: ["SELECT", "INSERT"],
  // A handed-over report is kept exactly as produced (its hash is on record): never edited.
  Report: ["SELECT", "INSERT"],
};

export interface SharedTable {
  grants: string[];
  /** The policy that keeps its rows to the tenant; null = the same rows for every tenant. */
  policy: string | null;
  why: string;
}

export const SHARED_TABLES: Record<string, SharedTable> = {
  Organization: {
    grants: ["SELECT", `UPDATE ("settings", "requireTwoFactor", "updatedAt")`],
    policy: "own_organisation",
    why: "the scope's own row only: its name, kind and settings, which its admins change",
  },
  User: {
    grants: [`SELECT ("id", "email", "name", "totpEnabledAt")`],
    policy: "tenant_members",
    why: "names and e-mails of the tenant's members (and of its clients' portal members) for lists and history; never a password hash or a two-factor key",
  },
  Tool: {
    grants: ["SELECT"],
    policy: null,
    why: "the Seller Central tool catalogue: reference data, the same for every tenant",
  },
};

/** Only system paths, as the owner: the role has no privilege on these at all. */
export const SYSTEM_TABLES: Record<string, string> = {
  UserSession: "server-side sessions: checked and revoked by lib/auth through system paths",
  RecoveryCode: "two-factor recovery code hashes",
  SignInAttempt: "sign-in rate limiting, before anyone has a scope",
  _prisma_migrations: "the migration runner's own record",
  SetupToken: "the first run's single-use setup link (its hash), before any organisation or scope exists",
};

/**
 * Functions that run as their owner (SECURITY DEFINER) and scoped work calls: EXECUTE is revoked from
 * PUBLIC in their migration and granted to the role here. Each applies the tenant rule itself.
 */
export const APP_FUNCTIONS = ["gatehouse_accounts_matching(text, text)", "gatehouse_user_in_tenant(text)"];
