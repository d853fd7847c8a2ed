import { CSV_BOM, encodeCsvRow } from "@/lib/csv";
import { clientFilterReaches, listAllAccounts } from "@/lib/db/accounts/read-accounts";
import { getT } from "@/lib/i18n/server";
import { refuseFilters } from "@/lib/routes/refuse-filters";
import { routeScope } from "@/lib/routes/route-scope";
import { EXPORT_ROW_LIMIT, parseAccountListPage, withoutUnreachableClient } from "@/lib/validation/accounts";
import { utcToday } from "@/lib/days";

// The accounts table's current view as CSV: the same session check as the pages, the same filters
// and order as listAccounts, streamed in keyset batches so memory stays flat. A filter the table would
// drop (and say so) refuses the file instead: 400, as /api/clients answers bad input. The page's own
// link carries only the filters it applied, so it never meets this. A client filter naming no client the user can
// reach (the page drops and names it) is 404 naming it, as /api/v1 answers one, not a file with a header alone.
export async function GET(request: Request): Promise<Response> {
  const scope = await routeScope();
  if (scope instanceof Response) return scope;
  const { query, ignored } = parseAccountListPage(new URL(request.url).searchParams);
  if (ignored.length) return refuseFilters(ignored, 400);
  if (!(await clientFilterReaches(scope, query.client))) return refuseFilters(withoutUnreachableClient({ query, ignored }).ignored, 404);
  const t = await getT();
  const plans: Record<string, string> = { PROFESSIONAL: t("plan.PROFESSIONAL"), INDIVIDUAL: t("plan.INDIVIDUAL") };
  const statuses: Record<string, string> = { ACTIVE: t("accountStatus.ACTIVE"), SUSPENDED: t("accountStatus.SUSPENDED"), DEACTIVATED: t("accountStatus.DEACTIVATED") };
  const header = [
    t("account.storeName"), t("account.sellerId"), t("account.client"), t("account.region"), t("table.marketplaces"), t("account.plan"), t("account.status"),
    t("account.score"), t("table.openCritical"), t("table.openHigh"), t("account.openFindings"), t("table.passwordChangedAt"), t("table.lastLogin"), t("account.logins"),
  ];
  const encoder = new TextEncoder();
  const batches = listAllAccounts(scope, query);
  let written = 0;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + encodeCsvRow(header)));
        return;
      }
      const next = written < EXPORT_ROW_LIMIT ? await batches.next() : { done: true as const, value: undefined };
      if (next.done) {
        await batches.return(undefined);
        controller.close();
        return;
      }
      const rows = next.value.slice(0, EXPORT_ROW_LIMIT - written);
      written += rows.length;
      controller.enqueue(encoder.encode(rows.map((r) => encodeCsvRow([
        r.storeName, r.sellerId, r.clientName, r.region, r.marketplaces.join(" "), plans[r.plan] ?? r.plan, statuses[r.status] ?? r.status,
        r.score, r.openCritical, r.openHigh, r.openFindings, r.passwordChangedAt?.slice(0, 10), r.lastLoginAt?.slice(0, 10), r.loginCount,
      ])).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="accounts-${utcToday()}.csv"`,
      "Cache-Control": "no-store",
      "X-Row-Limit": String(EXPORT_ROW_LIMIT),
    },
  });
}
