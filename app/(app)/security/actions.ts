"use server";
import { defineAction } from "@/lib/actions/define-action";
import { getSessionId } from "@/lib/auth/scope";
import { changePassword, revokeOwnSession } from "@/lib/db/account-security";
import { revokeOtherSessions } from "@/lib/db/sessions";
import { changePasswordSchema, revokeOthersSchema, revokeSessionSchema } from "@/lib/validation/security";

export const changePasswordAction = defineAction(changePasswordSchema, async (scope, input) => changePassword(scope.userId, await getSessionId(), input));
export const revokeSessionAction = defineAction(revokeSessionSchema, (scope, input) => revokeOwnSession(scope.userId, input.sessionId));
export const revokeOtherSessionsAction = defineAction(revokeOthersSchema, async (scope) => revokeOtherSessions(scope.userId, await getSessionId(), "signed_out_everywhere"));
