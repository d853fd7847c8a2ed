"use server";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { createAccount } from "@/lib/db/accounts/account-records";
import { createAccountSchema } from "@/lib/validation/account-form";

/** Created, then straight to its page, where its logins and 2SV are added. */
export const createAccountAction = defineAction(createAccountSchema, async (scope, input) => {
  const { id } = await createAccount(scope, input);
  redirect(`/accounts/${id}`);
});
