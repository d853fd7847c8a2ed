// Framework-floor experiment (bench/floor/README.md), never a route of the app: the same two statements through a
// bare pg pool (no Prisma), plain table.
import { accountsPageOne } from "../bare-query";

export const dynamic = "force-dynamic";

export default async function FloorRaw({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { rows, total } = await accountsPageOne((await searchParams).org);
  return (
    <main>
      <p data-testid="accounts-total">{String(total)}</p>
      <table>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.id)}>
              {Object.values(r).slice(0, 13).map((v, i) => (
                <td key={i}>{v === null ? "" : String(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
