"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { asFormData } from "@/lib/actions/form-data";
import { rotateSession } from "@/lib/auth/rotate-session";
import { getScope, ORG_COOKIE } from "@/lib/auth/scope";

/** Switch the active organisation; only to one the user belongs to (anything else is ignored). */
export async function switchOrgAction(formData: FormData): Promise<void> {
  const scope = await getScope();
  // Posted without its form (lib/actions/form-data.ts): no organisation named, so back to the overview as it is.
  const parsed = z.object({ orgId: z.string().min(1).max(64) }).safeParse({ orgId: asFormData(formData)?.get("orgId") });
  if (!scope || !parsed.success || !scope.memberships.some((m) => m.orgId === parsed.data.orgId)) redirect("/");
  if (parsed.data.orgId !== scope.membershipOrgId) await rotateSession("organisation_switched");
  (await cookies()).set(ORG_COOKIE, parsed.data.orgId, { path: "/", httpOnly: true, sameSite: "lax", secure: process.env.NODE_ENV === "production" });
  redirect("/");
}
