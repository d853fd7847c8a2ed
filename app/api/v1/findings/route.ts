import { defineApiRoute, json } from "@/lib/api/define-api-route";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { listApiFindings } from "@/lib/db/api/read";
import { allowedOptions, methodNotAllowed } from "@/lib/api/method-not-allowed";

export const GET = defineApiRoute(ENDPOINTS.findings, async ({ scope, query }) => json(await listApiFindings(scope, query)));

// Any other method: the API's error JSON and an Allow header, not an empty 405 (decision 084).
const notAllowed = methodNotAllowed("GET");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
export const OPTIONS = allowedOptions("GET");
