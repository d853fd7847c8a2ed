// Framework-floor experiment (bench/floor/README.md), never a route of the app: the same two statements through a bare pg pool, and only the total rendered (no table).
import pg from "pg";
import { countStatement, pageStatement } from "@/lib/db/accounts-sql";
import type { Scope } from "@/lib/db/scope";
import { parseAccountListQuery } from "@/lib/validation/accounts";

export const dynamic = "force-dynamic";
const g = globalThis as unknown as { floorPool?: pg.Pool };
const pool = (g.floorPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 }));

export default async function FloorTotal({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { org } = await searchParams;
  const scope = { orgId: org, clientIds: null } as unknown as Scope;
  const q = parseAccountListQuery({});
  const page = pageStatement(scope, q, q.sort, q.dir, undefined, q.pageSize + 1);
  const count = countStatement(scope, q);
  const [rows, total] = await Promise.all([pool.query(page.sql, page.params as unknown[]), pool.query(count.sql, count.params as unknown[])]);
  return (
    <main>
      <p data-testid="accounts-total">{String(total.rows[0]?.n)}</p>
      <p>{rows.rows.length}</p>
    </main>
  );
}
