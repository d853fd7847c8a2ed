"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { rotateSession } from "@/lib/auth/rotate-session";
import { ORG_COOKIE } from "@/lib/auth/scope";
import { createOwnOrganisation } from "@/lib/db/setup/create-agency";
import { newOrganisationSchema } from "@/lib/validation/setup";

/** A demo Owner's own organisation; then switched to it, as the org switcher does. */
export const createOrganisationAction = defineAction(newOrganisationSchema, async (scope, input) => {
  const { orgId } = await createOwnOrganisation(scope, input);
  await rotateSession("organisation_switched");
  (await cookies()).set(ORG_COOKIE, orgId, { path: "/", httpOnly: true, sameSite: "lax", secure: process.env.NODE_ENV === "production" });
  redirect("/");
});
