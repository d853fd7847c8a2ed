import { defineApiRoute, json } from "@/lib/api/define-api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { ApiError } from "@/lib/api/errors";
import { parseSnapshotText, upsertApiSnapshot } from "@/lib/db/api/snapshots";
import { describeSnapshotError } from "@/lib/i18n/snapshot-errors";
import { refusedMethods } from "@/lib/api/method-not-allowed";

export const POST = defineApiRoute(ENDPOINTS.snapshots, async ({ scope, query, body, t }) => {
  const invalid = (errors: { path: string; message: string }[]) => new ApiError("invalid_snapshot", errors.map((e) => ({ path: e.path, message: describeSnapshotError(e, t) })));
  const snapshot = parseSnapshotText(body);
  if ("problems" in snapshot) throw invalid(snapshot.problems);
  const result = await upsertApiSnapshot(scope, snapshot, query.client ?? null);
  if ("problems" in result) throw invalid(result.problems);
  return json(result);
});

// Any other method: the API's error JSON and an Allow header, not an empty 405 (decision 084).
export const { GET, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("POST");
