"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { removeAccount, updateAccount } from "@/lib/db/accounts/account-records";
import { createLogin, removeLogin } from "@/lib/db/accounts/login-records";
import { removeAccountSchema, updateAccountSchema } from "@/lib/validation/account-form";
import { createLoginSchema, removeLoginSchema } from "@/lib/validation/login-form";
import { addTwoStepMethod, markAccountVerified, removeTwoStepMethod, updateLogin } from "@/lib/db/account-writes";
import { acceptFinding, reopenFinding } from "@/lib/db/findings";
import { defineAction } from "@/lib/actions/define-action";
import { recordAccessReview } from "@/lib/db/access-reviews";
import { recordAccessReviewSchema } from "@/lib/validation/access-review";
import { addTwoStepMethodSchema, markVerifiedSchema, removeTwoStepMethodSchema, updateLoginSchema } from "@/lib/validation/account-edits";
import { acceptFindingSchema, reopenFindingSchema } from "@/lib/validation/findings";

export const acceptFindingAction = defineAction(acceptFindingSchema, (scope, input) => acceptFinding(scope, input));
export const reopenFindingAction = defineAction(reopenFindingSchema, (scope, input) => reopenFinding(scope, input.findingId));
export const addTwoStepMethodAction = defineAction(addTwoStepMethodSchema, (scope, input) => addTwoStepMethod(scope, input));
export const removeTwoStepMethodAction = defineAction(removeTwoStepMethodSchema, (scope, input) => removeTwoStepMethod(scope, input.accountId, input.version, input.methodId));
export const updateLoginAction = defineAction(updateLoginSchema, (scope, input) => updateLogin(scope, input));
export const markVerifiedAction = defineAction(markVerifiedSchema.extend({ confirm: z.literal("yes") }), (scope, input) => markAccountVerified(scope, input.accountId, input.version));
export const recordAccessReviewAction = defineAction(recordAccessReviewSchema, (scope, input) => recordAccessReview(scope, input));
export const updateAccountAction = defineAction(updateAccountSchema, (scope, input) => updateAccount(scope, input));
export const removeAccountAction = defineAction(removeAccountSchema, async (scope, input) => {
  await removeAccount(scope, input);
  redirect("/accounts");
});
export const createLoginAction = defineAction(createLoginSchema, (scope, input) => createLogin(scope, input));
export const removeLoginAction = defineAction(removeLoginSchema, (scope, input) => removeLogin(scope, input));
