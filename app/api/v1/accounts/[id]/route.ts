import { defineApiRoute, json } from "@/lib/api/define-api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { getApiAccountOrThrow } from "@/lib/db/api/read";

export const GET = defineApiRoute(ENDPOINTS.account, async ({ scope, params }) => json(await getApiAccountOrThrow(scope, params.id)));
