import { defineApiRoute, json } from "@/lib/api/define-api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { exportApiSnapshot } from "@/lib/db/api/snapshots";

export const GET = defineApiRoute(ENDPOINTS.snapshot, async ({ scope, query }) => json(await exportApiSnapshot(scope, query.client ?? null)));
