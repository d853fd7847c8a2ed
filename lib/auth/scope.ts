import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { resolveScope, type Scope } from "@/lib/db/scope";

export const ORG_COOKIE = "gh_org";

/** The signed-in user's scope, or null. Cached per request. */
export const getScope = cache(async (): Promise<Scope | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const preferred = (await cookies()).get(ORG_COOKIE)?.value;
  return resolveScope(session.user.id, preferred);
});

export async function requireScope(): Promise<Scope> {
  const scope = await getScope();
  if (!scope) redirect("/signin");
  return scope;
}
