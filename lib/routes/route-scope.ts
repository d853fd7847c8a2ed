import "server-only";
import { getScope } from "@/lib/auth/scope";
import { twoFactorPending, type Scope } from "@/lib/db/scope";

/**
 * The gate every route handler passes before its work, as pages (layout) and server actions
 * (executeAction) do: no session → 401; an organisation that requires two-factor sign-in and a member
 * without it → 403. Returns the caller's scope, or the refusal to send.
 */
export async function routeScope(): Promise<Scope | Response> {
  const scope = await getScope();
  if (!scope) return Response.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  if (twoFactorPending(scope)) return Response.json({ error: "FORBIDDEN", message: "Set up two-factor sign-in first" }, { status: 403 });
  return scope;
}
