// The accounts page's statement (the same text and parameters lib/db/accounts/accounts-sql.ts builds) through a bare
// pg pool, for the floor pages that leave Prisma out.
import pg from "pg";
import { countStatement, pageStatement } from "@/lib/db/accounts/accounts-sql";
import type { Scope } from "@/lib/db/scope";
import { parseAccountListQuery } from "@/lib/validation/accounts";

const g = globalThis as unknown as { floorPool?: pg.Pool };
const pool = (g.floorPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 }));

export async function accountsPageOne(orgId: string): Promise<{ rows: Record<string, unknown>[]; total: unknown }> {
  const scope = { orgId, clientIds: null } as unknown as Scope;
  const q = parseAccountListQuery({});
  // One statement, the page with its total, as the app sends it (decision 058); the total apart only for an empty page.
  const page = pageStatement(scope, q, q.sort, q.dir, undefined, q.pageSize + 1, { withTotal: true });
  const rows = (await pool.query(page.sql, page.params as unknown[])).rows as Record<string, unknown>[];
  if (rows.length) return { rows: rows.slice(0, q.pageSize).map(({ total: _total, ...r }) => r), total: rows[0].total };
  const count = countStatement(scope, q);
  return { rows: [], total: (await pool.query(count.sql, count.params as unknown[])).rows[0]?.n };
}
