import { listAllAccounts } from "@/lib/db/accounts";
import { exportSnapshot } from "@/lib/db/snapshots/export";
import { AppError } from "@/lib/errors";
import { routeScope } from "@/lib/routes/route-scope";
import { EXPORT_ROW_LIMIT, parseAccountListQuery } from "@/lib/validation/accounts";
import { z } from "zod";

// The signed-in user's data as a gatehouse.snapshot/v1 download (external ids, asOf today): everything
// they may see, one client (`?client=NAME`), or the accounts table's current view (`?view=1` plus the
// table's own query parameters). The same export as GET /api/v1/snapshot, behind the pages' gate.
const exportQuery = z.object({ client: z.string().min(1).max(200).optional(), view: z.literal("1").optional() });

export async function GET(request: Request): Promise<Response> {
  const scope = await routeScope();
  if (scope instanceof Response) return scope;
  const params = new URL(request.url).searchParams;
  const parsed = exportQuery.safeParse({ client: params.get("client") ?? undefined, view: params.get("view") ?? undefined });
  if (!parsed.success) return Response.json({ error: "INVALID_INPUT" }, { status: 422 });
  let accountIds: string[] | undefined;
  if (parsed.data.view) {
    accountIds = [];
    for await (const rows of listAllAccounts(scope, parseAccountListQuery(params))) {
      accountIds.push(...rows.map((r) => r.id));
      if (accountIds.length >= EXPORT_ROW_LIMIT) break;
    }
  }
  try {
    const snapshot = await exportSnapshot(scope, { client: parsed.data.client, accountIds: accountIds?.slice(0, EXPORT_ROW_LIMIT) });
    return new Response(JSON.stringify(snapshot, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="gatehouse-snapshot-${snapshot.asOf}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return Response.json({ error: "NOT_FOUND" }, { status: 404 });
    throw error;
  }
}
