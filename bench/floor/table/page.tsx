// Framework-floor experiment (bench/floor/README.md), never a route of the app: floor/plain plus the real AccountsTable component (tanstack, badges, links).
import { listAccounts } from "@/lib/db/accounts/read-accounts";
import type { Scope } from "@/lib/db/scope";
import { parseAccountListQuery } from "@/lib/validation/accounts";
import { AccountsTable } from "@/app/(app)/accounts/_components/accounts-table";

export const dynamic = "force-dynamic";

export default async function FloorTable({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { org } = await searchParams;
  const scope = { userId: "x", orgId: org, membershipOrgId: org, orgName: "", portal: null, role: "OWNER", clientIds: null, memberships: [], requireTwoFactor: false, twoFactorEnabled: false } as Scope;
  const query = parseAccountListQuery({});
  const result = await listAccounts(scope, query);
  const l = (k: string) => k;
  const labels = { caption: "Accounts", storeName: l("Store"), sellerId: l("Seller"), client: l("Client"), region: l("Region"), plan: l("Plan"), status: l("Status"), score: l("Score"), logins: l("Logins"), openFindings: l("Open"), critical: l("Critical"), high: l("High"), passwordAge: l("Password"), lastLogin: l("Last login"), never: "never", unknown: "unknown", days: "{days} days", plans: {}, statuses: {} };
  return (
    <main>
      <p data-testid="accounts-total">{result.total}</p>
      <AccountsTable rows={result.rows} columns={query.cols} labels={labels} headers={{}} ariaSort={{}} density={query.density} empty="none" today="2026-11-30" />
    </main>
  );
}
