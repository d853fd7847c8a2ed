import { defineApiRoute, json } from "@/lib/api/define-api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { exportApiSnapshot } from "@/lib/db/api/snapshots";
import { refusedMethods } from "@/lib/api/method-not-allowed";

export const GET = defineApiRoute(ENDPOINTS.snapshot, async ({ scope, query }) => json(await exportApiSnapshot(scope, query.client ?? null)));

// Any other method: the API's error JSON and an Allow header, not an empty 405 (decision 084).
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("GET");
