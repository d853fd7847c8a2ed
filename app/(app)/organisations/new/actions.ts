"use server";
import { signOut } from "@/auth";
import { defineAction } from "@/lib/actions/define-action";
import { getSessionId } from "@/lib/auth/scope";
import { revokeSession } from "@/lib/db/sessions";
import { createOwnOrganisation } from "@/lib/db/setup/create-agency";
import { newOrganisationSchema } from "@/lib/validation/setup";

/**
 * A demo Owner's own organisation, owned by a new user (decision 103). The shared demo session is then ended
 * (server-side too, as the sign-out button does) and the sign-in page asks for the new Owner's e-mail, so the
 * visitor leaves the public account rather than carrying on inside it.
 */
export const createOrganisationAction = defineAction(newOrganisationSchema, async (scope, input) => {
  const { email } = await createOwnOrganisation(scope, input);
  const sid = await getSessionId();
  if (sid) await revokeSession(sid, "signed_out", scope.userId);
  await signOut({ redirectTo: `/signin?ready=${encodeURIComponent(email)}` });
});
