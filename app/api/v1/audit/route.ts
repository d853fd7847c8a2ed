import { auditSnapshotText } from "@/lib/api/audit";
import { defineApiRoute } from "@/lib/api/define-api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { ApiError } from "@/lib/api/errors";
import { describeSnapshotError } from "@/lib/i18n/snapshot-errors";
import { refusedMethods } from "@/lib/api/method-not-allowed";
import { utcToday } from "@/lib/days";

// Exactly what `gatehouse audit --json` prints for the posted document; nothing is stored.
export const POST = defineApiRoute(ENDPOINTS.audit, async ({ body, t }) => {
  const result = auditSnapshotText(body, utcToday());
  if (!result.ok) throw new ApiError("invalid_snapshot", result.errors.map((e) => ({ path: e.path, message: describeSnapshotError(e, t) })));
  return { text: result.text, contentType: "application/json; charset=utf-8" };
});

// Any other method: the API's error JSON and an Allow header, not an empty 405 (decision 084).
export const { GET, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("POST");
