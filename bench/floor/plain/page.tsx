// Framework-floor experiment (bench/floor/README.md), never a route of the app: the least an App Router page can do for accounts page 1 — the same two data
// statements (listAccounts), no session, no app chrome, a plain 25-row table.
import { listAccounts } from "@/lib/db/accounts/read-accounts";
import type { Scope } from "@/lib/db/scope";
import { parseAccountListQuery } from "@/lib/validation/accounts";

export const dynamic = "force-dynamic";

export default async function FloorPlain({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { org } = await searchParams;
  const scope = { userId: "x", orgId: org, membershipOrgId: org, orgName: "", portal: null, role: "OWNER", clientIds: null, memberships: [], requireTwoFactor: false, twoFactorEnabled: false } as Scope;
  const result = await listAccounts(scope, parseAccountListQuery({}));
  return (
    <main>
      <p data-testid="accounts-total">{result.total}</p>
      <table>
        <tbody>
          {result.rows.map((r) => (
            <tr key={r.id}>
              <th><a href={`/accounts/${r.id}`}>{r.storeName}</a></th>
              <td>{r.sellerId}</td><td>{r.clientName}</td><td>{r.region}</td><td>{r.plan}</td><td>{r.status}</td><td>{r.score}</td>
              <td>{r.openCritical}</td><td>{r.openHigh}</td><td>{r.openFindings}</td><td>{r.passwordChangedAt}</td><td>{r.lastLoginAt}</td><td>{r.loginCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
