import { defineApiRoute, json } from "@/lib/api/define-api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { listApiAccounts } from "@/lib/db/api/read";

export const GET = defineApiRoute(ENDPOINTS.accounts, async ({ scope, query }) => json(await listApiAccounts(scope, query)));
