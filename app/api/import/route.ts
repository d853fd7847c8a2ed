import { revalidatePath } from "next/cache";
import { isOrgAdmin } from "@/lib/db/scope";
import { importSnapshotText, tooLargeError, type ImportResult } from "@/lib/db/snapshot-upload";
import { readBodyWithin } from "@/lib/http/limited-body";
import { getT } from "@/lib/i18n/server";
import { translateSnapshotErrors } from "@/lib/i18n/snapshot-errors";
import { routeScope } from "@/lib/routes/route-scope";
import { importRequestSchema } from "@/lib/validation/import";
import { SNAPSHOT_MAX_BYTES } from "@/lib/validation/json-safety";

// The import page's upload (decision 010): the snapshot is the request body, counted as it arrives, so
// a file over the limit is answered in the reader's language before it is read whole — a server action
// would stop at Next's own body limit with Next's English error page. All or nothing, problems by JSON
// path, as before.
export async function POST(request: Request): Promise<Response> {
  const scope = await routeScope();
  if (scope instanceof Response) return scope;
  // Owners and admins only; for anyone else the capability does not exist (as the page: 404).
  if (!isOrgAdmin(scope)) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
  // A JSON body cannot be sent across sites without the browser asking first (CORS), which this route never allows.
  if (!/^application\/json\b/.test(request.headers.get("content-type") ?? "")) return Response.json({ error: "INVALID_INPUT" }, { status: 415 });
  const query = importRequestSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: "INVALID_INPUT" }, { status: 400 });
  const t = await getT();
  const answer = (result: ImportResult, status: number) =>
    Response.json({ result: result.ok ? result : { ok: false, errors: translateSnapshotErrors(result.errors, t) } }, { status, headers: { "cache-control": "no-store" } });

  const body = await readBodyWithin(request, SNAPSHOT_MAX_BYTES);
  if (!body.ok) return answer({ ok: false, errors: [tooLargeError()] }, 413);
  const text = body.text.trim();
  if (!text) return answer({ ok: false, errors: [{ path: "(file)", message: "choose a file or paste a snapshot", reason: { key: "noInput" } }] }, 422);
  const result = await importSnapshotText(scope, text, query.data.clientId);
  if (!result.ok) return answer(result, 422);
  revalidatePath("/", "layout");
  return answer(result, 200);
}
