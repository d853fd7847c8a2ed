import { isAdminLogin } from "@/lib/risk/admin";
import type { PermissionGrant } from "@/lib/validation/snapshot";

// The person page's access metrics, counted from the rows the page reads anyway (its logins with their
// levels, its devices, its findings) instead of four more CTEs in its statement: those were most of the
// statement's planning time (~16 ms, decision 038). The definitions are ACCESS_METRICS' and
// FINDING_METRICS' (lib/db/people/people-sql.ts), which the people list counts (or stores) the same way;
// person-page-model.int.test.ts holds the two equal.

export interface MetricsLogin {
  status: string;
  role: string;
  account: { id: string };
  /** Levels above None; `tool.id` is the catalogue's tool. */
  permissions: readonly { level: string; tool: { id: string } }[];
}

export interface PersonMetrics {
  activeLogins: number;
  adminLogins: number;
  accounts: number;
  devices: number;
  openFindings: number;
}

/**
 * `logins`: every login the person owns or uses on accounts in scope (each once); `otherAccessAccounts`: the
 * accounts in scope where they hold other access; `devices`: the devices they hold; `openFindings`: the open
 * findings about them, their logins or devices, on accounts in scope.
 */
export function personMetrics(logins: readonly MetricsLogin[], otherAccessAccounts: readonly string[], devices: number, openFindings: number): PersonMetrics {
  const active = logins.filter((l) => l.status === "ACTIVE");
  const admin = active.filter((l) =>
    isAdminLogin({
      status: "ACTIVE",
      role: l.role as "PRIMARY" | "SECONDARY",
      permissions: l.permissions.map((p) => ({ tool: p.tool.id as PermissionGrant["tool"], level: p.level as PermissionGrant["level"] })),
    }),
  );
  const accounts = new Set([...active.map((l) => l.account.id), ...otherAccessAccounts]);
  return { activeLogins: active.length, adminLogins: admin.length, accounts: accounts.size, devices, openFindings };
}
