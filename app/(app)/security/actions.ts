"use server";
import { defineAction } from "@/lib/actions/define-action";
import { rotateSession } from "@/lib/auth/rotate-session";
import { getSessionId } from "@/lib/auth/scope";
import { changePassword, revokeOwnSession } from "@/lib/db/account-security";
import { revokeOtherSessions } from "@/lib/db/sessions";
import { changePasswordSchema, revokeOthersSchema, revokeSessionSchema } from "@/lib/validation/security";
import { z } from "zod";
import { setDigestOptOut } from "@/lib/db/jobs/digest-preferences";
import { confirmEnrolment, disableTwoFactor, startEnrolment } from "@/lib/db/two-factor";
import { confirmEnrolmentSchema, disableTwoFactorSchema, startEnrolmentSchema } from "@/lib/validation/two-factor";
export const changePasswordAction = defineAction(
  changePasswordSchema,
  async (scope, input) => {
    await changePassword(scope.userId, await getSessionId(), input);
    await rotateSession("password_changed");
  },
  { allowPendingTwoFactor: true },
);
export const revokeSessionAction = defineAction(revokeSessionSchema, (scope, input) => revokeOwnSession(scope.userId, input.sessionId), { allowPendingTwoFactor: true });
export const revokeOtherSessionsAction = defineAction(revokeOthersSchema, async (scope) => revokeOtherSessions(scope.userId, await getSessionId(), "signed_out_everywhere"), { allowPendingTwoFactor: true });


export const startEnrolmentAction = defineAction(startEnrolmentSchema, (scope) => startEnrolment(scope.userId), { allowPendingTwoFactor: true });
export const confirmEnrolmentAction = defineAction(confirmEnrolmentSchema, async (scope, input) => {
  const codes = await confirmEnrolment(scope.userId, await getSessionId(), input.code);
  await rotateSession("two_factor_changed");
  return codes;
}, {
  allowPendingTwoFactor: true,
  revalidate: false, // the recovery codes are shown by the form itself, once
});
export const disableTwoFactorAction = defineAction(
  disableTwoFactorSchema,
  async (scope, input) => {
    await disableTwoFactor(scope.userId, await getSessionId(), input.password, input.code);
    await rotateSession("two_factor_changed");
  },
  { allowPendingTwoFactor: true },
);

/** The member's own weekly digest e-mail: on or off (lib/db/jobs/digest.ts honours it). */
export const setDigestOptOutAction = defineAction(z.object({ optOut: z.enum(["yes", "no"]) }), (scope, input) => setDigestOptOut(scope.userId, input.optOut === "yes"));
