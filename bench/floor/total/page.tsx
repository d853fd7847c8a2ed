// Framework-floor experiment (bench/floor/README.md), never a route of the app: the same two statements through a
// bare pg pool, and only the total rendered (no table).
import { accountsPageOne } from "../bare-query";

export const dynamic = "force-dynamic";

export default async function FloorTotal({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { rows, total } = await accountsPageOne((await searchParams).org);
  return (
    <main>
      <p data-testid="accounts-total">{String(total)}</p>
      <p>{rows.length}</p>
    </main>
  );
}
