import { encodeCsv } from "@/lib/csv";
import { clientFilterReaches, listAllAccounts } from "@/lib/db/accounts/read-accounts";
import { exportSnapshot } from "@/lib/db/snapshots/export";
import { AppError } from "@/lib/errors";
import { refuseFilters } from "@/lib/routes/refuse-filters";
import { routeScope } from "@/lib/routes/route-scope";
import { workbookXlsx } from "@/lib/spreadsheets/read-xlsx";
import { snapshotToWorkbook } from "@/lib/spreadsheets/snapshot-to-workbook";
import { snapshotToLoginRows } from "@/lib/spreadsheets/snapshot-to-sheet";
import { EXPORT_ROW_LIMIT, parseAccountListPage, withoutUnreachableClient } from "@/lib/validation/accounts";
import { CLIENT_NAME_MAX_LENGTH } from "@/lib/validation/clients";
import { ignoredFilters, noSuchClientNamed, repeatedParameters, textReason, unknownParameters } from "@/lib/validation/ignored-filters";
import { z } from "zod";
import { singleLine } from "@/lib/validation/text";

// The signed-in user's data as a gatehouse.snapshot/v1 download (external ids, asOf today): everything
// they may see, one client (`?client=NAME`), or the accounts table's current view (`?view=1` plus the
// table's own query parameters). The same export as GET /api/v1/snapshot, behind the pages' gate.
// `format=xlsx` (with `lang=ja|en`) writes the same data as the bulk workbook (the import template's
// layout, one sheet per kind, decision 022); `format=csv` the logins sheet alone.
// A filter it cannot apply refuses the download (422, as for any bad input here) rather than widening it: the
// view's filters as the table would name them, a client name that cannot be one, a parameter it does not read
// (`clinet=` must not become the whole organisation), or one it reads given twice.
// A client (by name, or a view's client filter by id) the user cannot reach is 404, named in the same body shape.
/** What the download reads besides a view's table parameters. */
const DOWNLOAD_PARAMETERS = ["view", "format", "lang"];
const WHOLE_PARAMETERS = new Set(["client", ...DOWNLOAD_PARAMETERS]);
const clientName = singleLine(CLIENT_NAME_MAX_LENGTH).min(1);
const exportQuery = z.object({
  client: clientName.optional(),
  view: z.literal("1").optional(),
  format: z.enum(["json", "xlsx", "csv"]).default("json"),
  lang: z.enum(["ja", "en"]).default("ja"),
});

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function GET(request: Request): Promise<Response> {
  const scope = await routeScope();
  if (scope instanceof Response) return scope;
  const params = new URL(request.url).searchParams;
  // In a view's download `client` is the table's client filter (an id, or `none`), checked with the others.
  const view = params.get("view") === "1" ? parseAccountListPage(params, DOWNLOAD_PARAMETERS) : undefined;
  // A parameter the download reads itself, given twice, is refused (`client=A&client=B` is not A's file); in a view's
  // download the table's parser judges its own filters' repeats, as the accounts export does.
  const repeated = repeatedParameters(params, view ? DOWNLOAD_PARAMETERS : WHOLE_PARAMETERS);
  if (view && (view.ignored.length || repeated.length)) return refuseFilters([...view.ignored, ...repeated], 422);
  // In a view's download the table's parser alone judges `client` (checked above): a blank one is "any" there.
  const client = view ? undefined : (params.get("client") ?? undefined);
  const parsed = exportQuery.safeParse({ client, view: params.get("view") ?? undefined, format: params.get("format") ?? undefined, lang: params.get("lang") ?? undefined });
  const unknown = view ? [] : unknownParameters(params, WHOLE_PARAMETERS, ["client"]);
  if (!parsed.success || unknown.length || repeated.length) {
    const badClient = ignoredFilters([{ name: "client", raw: client, applied: clientName.safeParse(client).success, reason: textReason(CLIENT_NAME_MAX_LENGTH, { trimmed: false }) }]);
    const refused = [...badClient, ...unknown, ...repeated];
    return refused.length ? refuseFilters(refused, 422) : Response.json({ error: "INVALID_INPUT" }, { status: 422 });
  }
  // The view's client filter naming no client the user can reach: 404 naming it, as the accounts export answers it.
  if (view && !(await clientFilterReaches(scope, view.query.client))) return refuseFilters(withoutUnreachableClient(view).ignored, 404);
  let accountIds: string[] | undefined;
  if (view) {
    accountIds = [];
    for await (const rows of listAllAccounts(scope, view.query)) {
      accountIds.push(...rows.map((r) => r.id));
      if (accountIds.length >= EXPORT_ROW_LIMIT) break;
    }
  }
  try {
    // The view's client filter already chose its accounts; as a name it would find no client (404).
    const snapshot = await exportSnapshot(scope, { client: parsed.data.client, accountIds: accountIds?.slice(0, EXPORT_ROW_LIMIT) });
    const name = `gatehouse-snapshot-${snapshot.asOf}`;
    if (parsed.data.format === "xlsx")
      return new Response(Buffer.from(await workbookXlsx(snapshotToWorkbook(snapshot, parsed.data.lang))), {
        headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": `attachment; filename="${name}.xlsx"`, "Cache-Control": "no-store" },
      });
    if (parsed.data.format === "csv")
      return new Response(`\uFEFF${encodeCsv(snapshotToLoginRows(snapshot, parsed.data.lang))}`, {
        headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"`, "Cache-Control": "no-store" },
      });
    return new Response(JSON.stringify(snapshot, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="gatehouse-snapshot-${snapshot.asOf}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    // A client name naming no client the user can reach: 404 naming it in the reader's language, as a view's unreachable
    // client filter is answered (decision 099); the export's only NOT_FOUND is that look-up.
    if (error instanceof AppError && error.code === "NOT_FOUND")
      return parsed.data.client === undefined ? Response.json({ error: "NOT_FOUND" }, { status: 404 }) : refuseFilters([noSuchClientNamed(parsed.data.client)], 404);
    throw error;
  }
}
