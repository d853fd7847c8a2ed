"use server";
import { defineAction } from "@/lib/actions/define-action";
import { z } from "zod";
import { setRequireTwoFactor, updateRiskSettings } from "@/lib/db/settings";
import { updateRiskSettingsSchema } from "@/lib/validation/settings";
import { createApiToken, revokeApiToken } from "@/lib/db/api-tokens/tokens";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api-tokens";
import { retryFailedJob } from "@/lib/db/jobs/job-runs";
import { retryJob } from "@/lib/jobs/enqueue";

export const updateRiskSettingsAction = defineAction(updateRiskSettingsSchema, (scope, input) => updateRiskSettings(scope, input));
export const setRequireTwoFactorAction = defineAction(z.object({ required: z.enum(["yes", "no"]) }), (scope, input) => setRequireTwoFactor(scope, input.required === "yes"));
export const createApiTokenAction = defineAction(createApiTokenSchema, (scope, input) => createApiToken(scope, input), {
  revalidate: "/settings", // the list below shows the new token; the form keeps the secret in its own state
});
export const revokeApiTokenAction = defineAction(revokeApiTokenSchema, (scope, input) => revokeApiToken(scope, input.tokenId), { revalidate: "/settings" });
export const retryJobAction = defineAction(z.object({ jobId: z.string().uuid() }), (scope, input) => retryFailedJob(scope, input.jobId, retryJob), {
  revalidate: "/settings/jobs",
});
