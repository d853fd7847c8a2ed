import { defineApiRoute, json } from "@/lib/api/define-api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { listApiFindings } from "@/lib/db/api/read";

export const GET = defineApiRoute(ENDPOINTS.findings, async ({ scope, query }) => json(await listApiFindings(scope, query)));
