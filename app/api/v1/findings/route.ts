import { defineApiRoute, json } from "@/lib/api/define-api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { listApiFindings } from "@/lib/db/api/read";
import { refusedMethods } from "@/lib/api/method-not-allowed";

export const GET = defineApiRoute(ENDPOINTS.findings, async ({ scope, query }) => json(await listApiFindings(scope, query)));

// Any other method: the API's error JSON and an Allow header, not an empty 405 (decision 084).
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refusedMethods("GET");
