"use server";
import { headers } from "next/headers";
import { defineAction } from "@/lib/actions/define-action";
import { changeMember, inviteMember, removeMember, revokeInvitation } from "@/lib/db/members";
import { closeClientPortal, inviteClientOwner } from "@/lib/db/portal";
import { sendMail } from "@/lib/mail";
import { changeMemberSchema, closeClientPortalSchema, inviteClientOwnerSchema, inviteMemberSchema, removeMemberSchema, revokeInvitationSchema } from "@/lib/validation/members";

async function baseUrl(): Promise<string> {
  if (process.env.APP_URL) return process.env.APP_URL.replace(/\/$/, "");
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
}

export const inviteMemberAction = defineAction(inviteMemberSchema, async (scope, input) => {
  await inviteMember(scope, input, await baseUrl(), sendMail);
});
export const changeMemberAction = defineAction(changeMemberSchema, (scope, input) => changeMember(scope, input));
export const removeMemberAction = defineAction(removeMemberSchema, (scope, input) => removeMember(scope, input.membershipId));
export const revokeInvitationAction = defineAction(revokeInvitationSchema, (scope, input) => revokeInvitation(scope, input.invitationId));
export const inviteClientOwnerAction = defineAction(inviteClientOwnerSchema, async (scope, input) => {
  await inviteClientOwner(scope, input, await baseUrl(), sendMail);
});
export const closeClientPortalAction = defineAction(closeClientPortalSchema, (scope, input) => closeClientPortal(scope, input.clientId));
